package se.paragraf.documents;

/**
 * Seals certified minutes with an electronic signature (PAdES) in the PDF. The default seals with
 * the organisation's key; a BankID or other e-ID signing service can take its place as another
 * bean of this type.
 */
public interface MinutesSigner {

	/**
	 * Signs the PDF and answers the signed file, which keeps the original bytes and appends the
	 * signature as an incremental update.
	 * @param pdf the exact PDF the chair and checkers approved
	 * @param signers who certified, for the signature's name entry
	 * @param reason why it is signed, e.g. "Justerat protokoll"
	 */
	byte[] sign(byte[] pdf, String signers, String reason);

}
