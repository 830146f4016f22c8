package se.paragraf.proceedings;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A matter announced as an extra item (extra ärende) at the meeting, with its diary number and
 * title as announced; the decision on the extra-items item lists them.
 */
@Embeddable
record ExtraItem(@Column(name = "matter_id", nullable = false) Long matterId,
		@Column(name = "diary_number", nullable = false) String diaryNumber,
		@Column(nullable = false) String title) {

	/** As the decision names it: "GSN2023/12 Upphandling av skrivare". */
	public String label() {
		return this.diaryNumber + " " + this.title;
	}

}
