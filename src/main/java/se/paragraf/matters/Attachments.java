package se.paragraf.matters;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Attachments extends JpaRepository<Attachment, Long> {

	List<Attachment> findByMatterIdOrderByPositionAsc(Long matterId);

}
