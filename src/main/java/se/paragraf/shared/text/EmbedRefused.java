package se.paragraf.shared.text;

/**
 * An embed cannot be shown with the arguments it was given (an unknown board, a year out of range,
 * nothing to show). {@link RichText} puts the reason in the document where the embed stood, in
 * Swedish, so that a wrong line never breaks the page or the publication it is part of.
 */
public class EmbedRefused extends RuntimeException {

	private final String code;

	private final Object[] arguments;

	/** {@code code} is a message key (in {@code messages}) saying why, completing "Inbäddningen kunde inte visas: …". */
	public EmbedRefused(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
