package se.paragraf.publication.oparl;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The stamps of the objects the OParl interface has served.
 */
interface OParlStamps extends JpaRepository<OParlStamp, Long> {

	List<OParlStamp> findByKind(String kind);

}
