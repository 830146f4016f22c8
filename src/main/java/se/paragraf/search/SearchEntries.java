package se.paragraf.search;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SearchEntries extends JpaRepository<SearchEntry, String> {

	List<SearchEntry> findByMatterId(Long matterId);

}
