package se.paragraf.proceedings;

import java.time.Instant;

/**
 * A signature on minutes: who signed (the person and the account that re-authenticated), in
 * which capacity, when, and the SHA-256 of the exact PDF they signed.
 */
public record Signature(Long personId, String name, SignerRole role, String username, Instant signedAt,
		String pdfSha256) {

	/** When, in Swedish time as Swedish readers write it ("12 december 2023 kl. 09:14"). */
	public String signedAtLocal() {
		return se.paragraf.shared.Sweden.dateTime(this.signedAt);
	}

	/** In which capacity a person signs the minutes. */
	public enum SignerRole {

		CHAIR, CHECKER

	}

}
