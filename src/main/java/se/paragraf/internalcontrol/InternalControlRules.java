package se.paragraf.internalcontrol;

import org.jspecify.annotations.Nullable;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.RuleViolation;

/** The checks the internal control services share: who owns an analysis or plan, years, required text. */
final class InternalControlRules {

	private InternalControlRules() {
	}

	static Owner owner(Organisation organisation, Origin origin, @Nullable Long municipalityId, @Nullable String boardCode) {
		if (origin == null) {
			throw RuleViolation.onField("origin", "internalcontrol.required");
		}
		if (origin == Origin.COMMON) {
			if (municipalityId == null) {
				throw RuleViolation.onField("municipalityId", "internalcontrol.required");
			}
			organisation.municipality(municipalityId);
			return new Owner(municipalityId, null);
		}
		if (boardCode == null || boardCode.isBlank()) {
			throw RuleViolation.onField("board", "internalcontrol.required");
		}
		Board board = organisation.findBoard(boardCode)
			.orElseThrow(() -> RuleViolation.onField("board", "internalcontrol.board.unknown", boardCode));
		return new Owner(board.getHostMunicipalityId(), board.getId());
	}

	static void checkYear(int year) {
		if (year < 2000 || year > 2100) {
			throw RuleViolation.onField("year", "internalcontrol.year.invalid", String.valueOf(year));
		}
	}

	static void requireText(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw RuleViolation.onField(field, "internalcontrol.required");
		}
	}

	static String clean(@Nullable String text) {
		return text == null ? "" : text.strip().replace("\r\n", "\n");
	}

	/** The municipality, and the board unless the origin is common, an analysis or plan belongs to. */
	record Owner(Long municipalityId, @Nullable Long boardId) {
	}

}
