package se.paragraf.proceedings;

import java.time.Instant;

/**
 * A signature on minutes: who signed (the person and the account that re-authenticated), in
 * which capacity, when, and the SHA-256 of the exact PDF they signed.
 */
public record Signature(Long personId, String name, SignerRole role, String username, Instant signedAt,
		String pdfSha256) {

	/** When, as Swedish local time ("2023-12-12 09:14"). */
	public String signedAtLocal() {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(this.signedAt.atZone(se.paragraf.shared.Sweden.ZONE));
	}

	/** In which capacity a person signs the minutes. */
	public enum SignerRole {

		CHAIR, CHECKER

	}

}
