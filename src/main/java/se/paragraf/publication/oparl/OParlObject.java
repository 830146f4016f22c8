package se.paragraf.publication.oparl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * One OParl object as Paragraf serves it, before the ledger stamps it: a record per OParl type, its
 * components in the order clients have always received them. Fields that were only sometimes set
 * are {@code NON_NULL} (or {@code NON_EMPTY} for lists), the rest are always written, null or not.
 */
sealed interface OParlObject permits OParlSystem, OParlBody, OParlOrganization, OParlPerson, OParlMembership,
		OParlLegislativeTerm, OParlMeeting, OParlLocation, OParlAgendaItem, OParlConsultation, OParlPaper, OParlFile {

	Head head();

	/** The fields every object starts with: id, type and the licence of the data. */
	record Head(String id, String type, String license) {
	}

	/** An object with the created and modified dates the ledger gave it, written after its own fields. */
	record Stamped(@JsonUnwrapped OParlObject object, String created, String modified) {
	}

	/**
	 * What answers for an object that was public and no longer is, with the fields the schema requires
	 * even of a deleted object.
	 */
	@JsonInclude(Include.NON_NULL)
	record Tombstone(String id, String type, String created, String modified, String license, boolean deleted,
			@Nullable String accessUrl, @Nullable Integer order) {
	}

}
