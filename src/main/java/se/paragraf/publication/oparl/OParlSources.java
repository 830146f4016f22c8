package se.paragraf.publication.oparl;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;

/**
 * Where the OParl objects come from: the other modules' public services, and the audit history for
 * when audited objects were created.
 */
@Component
class OParlSources {

	final Organisation organisation;

	final MeetingPlanning planning;

	final NoticePublication notices;

	final MatterRegister register;

	final OParlLedger ledger;

	private final EntityManager entityManager;

	OParlSources(Organisation organisation, MeetingPlanning planning, NoticePublication notices,
			MatterRegister register, OParlLedger ledger, EntityManager entityManager) {
		this.organisation = organisation;
		this.planning = planning;
		this.notices = notices;
		this.register = register;
		this.ledger = ledger;
		this.entityManager = entityManager;
	}

	/**
	 * When each row of an audited table was first recorded (its first Envers revision). The table
	 * name is one of ours, never user input. (No @Transactional here: a proxy would hide the fields.)
	 */
	Map<Long, Instant> firstRevisions(String auditTable) {
		if (!auditTable.matches("[a-z_]+_aud")) {
			throw new IllegalArgumentException(auditTable);
		}
		@SuppressWarnings("unchecked")
		List<Object[]> rows = this.entityManager
			.createNativeQuery("select a.id, min(r.revtstmp) from " + auditTable
					+ " a join revinfo r on r.rev = a.rev group by a.id")
			.getResultList();
		Map<Long, Instant> created = new HashMap<>();
		for (Object[] row : rows) {
			if (row[0] != null && row[1] != null) {
				created.put(((Number) row[0]).longValue(), Instant.ofEpochMilli(((Number) row[1]).longValue()));
			}
		}
		return created;
	}

}
