package se.paragraf.meetings;

import java.time.Instant;

/**
 * A signature on minutes: who signed (the person and the account that re-authenticated), in
 * which capacity, when, and the SHA-256 of the exact PDF they signed.
 */
public record Signature(Long personId, String name, SignerRole role, String username, Instant signedAt,
		String pdfSha256) {

	/** In which capacity a person signs the minutes. */
	public enum SignerRole {

		CHAIR, CHECKER

	}

}
