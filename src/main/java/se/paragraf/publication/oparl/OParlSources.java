package se.paragraf.publication.oparl;

import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.paragraf.matters.MatterRegister;
import se.paragraf.proceedings.Certification;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.publication.PublicRecord;
import se.paragraf.shared.audit.AuditTrail;
import tools.jackson.databind.json.JsonMapper;

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

	final Certification certification;

	final PublicRecord record;

	/** The URL of the licence the published data is under, set on every object. */
	final String license;

	/** The application's JSON mapper, which writes the OParl records. */
	final JsonMapper json;

	private final AuditTrail auditTrail;

	OParlSources(Organisation organisation, MeetingPlanning planning, NoticePublication notices,
			MatterRegister register, OParlLedger ledger, AuditTrail auditTrail, Certification certification,
			PublicRecord record, JsonMapper json,
			@Value("${paragraf.oparl.license:https://creativecommons.org/publicdomain/zero/1.0/}") String license) {
		this.license = license;
		this.json = json;
		this.certification = certification;
		this.record = record;
		this.organisation = organisation;
		this.planning = planning;
		this.notices = notices;
		this.register = register;
		this.ledger = ledger;
		this.auditTrail = auditTrail;
	}

	/** When each meeting or matter was first recorded, from the audit trail. */
	Map<Long, Instant> firstRecorded(Class<?> auditedType) {
		return this.auditTrail.firstRecorded(auditedType);
	}

}
