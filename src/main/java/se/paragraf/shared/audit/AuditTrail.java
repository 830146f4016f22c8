package se.paragraf.shared.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers from the history Envers keeps, so no module needs to know another's audit tables.
 */
@Component
public class AuditTrail {

	private final EntityManager entityManager;

	AuditTrail(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** When each entity of an audited type was first recorded, by id. */
	@Transactional(readOnly = true)
	public Map<Long, Instant> firstRecorded(Class<?> auditedType) {
		List<?> rows = AuditReaderFactory.get(this.entityManager)
			.createQuery()
			.forRevisionsOfEntity(auditedType, false, true)
			.add(AuditEntity.revisionType().eq(RevisionType.ADD))
			.getResultList();
		Map<Long, Instant> created = new HashMap<>();
		for (Object row : rows) {
			Object[] revision = (Object[]) row;
			Object id = this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(revision[0]);
			if (id instanceof Number number) {
				created.put(number.longValue(), Instant.ofEpochMilli(((Revision) revision[1]).getTimestamp()));
			}
		}
		return created;
	}

}
