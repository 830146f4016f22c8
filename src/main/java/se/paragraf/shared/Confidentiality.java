package se.paragraf.shared;

import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * A secrecy mark (sekretessmarkering): whether something may not be made public, and the provision
 * of offentlighets- och sekretesslagen (2009:400) that says so. A mark without a legal ground is not
 * a mark the law recognises, so one cannot be made.
 */
@Embeddable
public class Confidentiality {

	/** "21 kap. 1 §", "39 kap. 3 § första stycket", "26 kap. 1 a §". */
	private static final Pattern LEGAL_GROUND = Pattern
		.compile("(OSL\\s+)?\\d{1,2}\\s+kap\\.\\s+\\d{1,2}(\\s+[a-z])?\\s+§.*", Pattern.CASE_INSENSITIVE);

	@Column(name = "confidential", nullable = false)
	private boolean confidential;

	@Column(name = "legal_ground", length = 200)
	private @Nullable String legalGround;

	protected Confidentiality() {
	}

	private Confidentiality(boolean confidential, @Nullable String legalGround) {
		this.confidential = confidential;
		this.legalGround = legalGround;
	}

	/**
	 * A public mark. Always a new instance: Hibernate may copy values into an entity's embedded
	 * instance in place (on merge), so one shared instance could be turned confidential for all.
	 */
	public static Confidentiality open() {
		return new Confidentiality(false, null);
	}

	/**
	 * A confidential mark. The ground must name a chapter and section of OSL, e.g. "21 kap. 1 §".
	 * @throws RuleViolation on field {@code legalGround} when the ground is missing or malformed
	 */
	public static Confidentiality confidential(@Nullable String legalGround) {
		String ground = Texts.blankToNull(legalGround);
		if (ground == null) {
			throw RuleViolation.onField("legalGround", "confidentiality.legalGround.required");
		}
		if (!LEGAL_GROUND.matcher(ground).matches() || ground.length() > 200) {
			throw RuleViolation.onField("legalGround", "confidentiality.legalGround.malformed");
		}
		return new Confidentiality(true, ground.replaceFirst("(?i)^OSL\\s+", ""));
	}

	/** The mark a form or request asks for: confidential with its ground, or public. */
	public static Confidentiality of(boolean confidential, @Nullable String legalGround) {
		return confidential ? confidential(legalGround) : open();
	}

	public boolean isConfidential() {
		return this.confidential;
	}

	/** The provision, without the law's name ("21 kap. 1 §"); null for public content. */
	public @Nullable String getLegalGround() {
		return this.confidential ? this.legalGround : null;
	}

	/** How a register or page cites the ground: "21 kap. 1 § OSL". */
	public @Nullable String citation() {
		return this.confidential ? this.legalGround + " OSL" : null;
	}

	/**
	 * What a reader who may not read secret content sees in its place, in a public variant and in
	 * what a signed-in reader without the right gets: "Sekretess enligt 21 kap. 1 § OSL".
	 */
	public static String withheldMark(String citation) {
		return "Sekretess enligt " + citation;
	}

	/** What stands in a list of attachments in place of a secret one: "Bilaga undantagen enligt 26 kap. 1 § OSL". */
	public static String withheldAttachmentMark(String citation) {
		return "Bilaga undantagen enligt " + citation;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Confidentiality that && this.confidential == that.confidential
				&& java.util.Objects.equals(getLegalGround(), that.getLegalGround());
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(this.confidential, getLegalGround());
	}

	@Override
	public String toString() {
		return this.confidential ? "confidential (" + citation() + ")" : "public";
	}

}
