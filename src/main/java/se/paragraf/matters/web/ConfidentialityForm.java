package se.paragraf.matters.web;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import se.paragraf.matters.Matter;
import se.paragraf.shared.Confidentiality;

/**
 * Marking a matter secret with its ground in OSL, or lifting the mark; the version the user saw.
 */
record ConfidentialityForm(@Nullable Boolean confidential, @Nullable @Size(max = 200) String legalGround, long version) {

	static ConfidentialityForm of(Matter matter) {
		return new ConfidentialityForm(matter.isConfidential(), matter.getConfidentiality().getLegalGround(),
				matter.getVersion());
	}

	/** The mark asked for; a missing or malformed ground is a rule violation on {@code legalGround}. */
	Confidentiality mark() {
		return Confidentiality.of(Boolean.TRUE.equals(this.confidential), this.legalGround);
	}

	public boolean isConfidential() {
		return Boolean.TRUE.equals(this.confidential);
	}

}
