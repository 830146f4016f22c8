package se.paragraf.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.NotFoundException;

/** Records by ids in one read: each asked id once, by id, and a missing one named rather than left out. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class ByIdsTests {

	@Autowired
	EntityManager entityManager;

	@Autowired
	Organisation organisation;

	@Test
	void everyAskedRecordComesBackUnderItsIdEvenWhenAskedTwice() {
		Person anna = this.organisation.addPerson("Anna", "Lind", null, null);
		Person bo = this.organisation.addPerson("Bo", "Ek", null, null);
		this.entityManager.flush();
		this.entityManager.clear();

		Map<Long, Person> people = ByIds.load(this.entityManager, Person.class, List.of(bo.getId(), anna.getId(), bo.getId()));

		assertThat(people).containsOnlyKeys(anna.getId(), bo.getId());
		assertThat(people.get(anna.getId()).getFirstName()).isEqualTo("Anna");
		assertThat(people.get(bo.getId()).getFirstName()).isEqualTo("Bo");
	}

	@Test
	void anIdWithNoRecordIsNamedNotSilentlyLeftOut() {
		Person anna = this.organisation.addPerson("Anna", "Lind", null, null);

		assertThatThrownBy(() -> ByIds.load(this.entityManager, Person.class, List.of(anna.getId(), Long.MAX_VALUE)))
			.isInstanceOf(NotFoundException.class)
			.hasMessageContaining(Long.toString(Long.MAX_VALUE));
	}

	@Test
	void noIdsAskNothing() {
		assertThat(ByIds.load(this.entityManager, Person.class, List.of())).isEmpty();
	}

}
