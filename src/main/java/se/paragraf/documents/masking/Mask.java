package se.paragraf.documents.masking;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import se.paragraf.documents.MaskKind;
import se.paragraf.documents.MaskState;

/**
 * A mask on one section of one document: a detected identity number (matched by its ten digits
 * however it is written) or a passage the secretary marked (matched by its words). Who proposed
 * it and who last decided on it are kept on the row.
 */
@Entity
@Table(name = "document_mask")
public class Mask {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "document_key", nullable = false, updatable = false)
	private String documentKey;

	@Column(name = "section_key", nullable = false, updatable = false)
	private String sectionKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private MaskKind kind;

	/** The ten digits of a number, or the passage with single spaces: what the mask matches. */
	@Column(name = "match_key", nullable = false, updatable = false)
	private String matchKey;

	@Column(name = "masked_text", nullable = false)
	private String text;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MaskState state;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "decided_by")
	private @Nullable String decidedBy;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Version
	private long version;

	protected Mask() {
		this.documentKey = "";
		this.sectionKey = "";
		this.kind = MaskKind.PASSAGE;
		this.matchKey = "";
		this.text = "";
		this.state = MaskState.PROPOSED;
		this.createdBy = "";
		this.createdAt = Instant.EPOCH;
	}

	private Mask(String documentKey, String sectionKey, MaskKind kind, String matchKey, String text, MaskState state,
			String by, Instant at) {
		this.documentKey = documentKey;
		this.sectionKey = sectionKey;
		this.kind = kind;
		this.matchKey = matchKey;
		this.text = text;
		this.state = state;
		this.createdBy = by;
		this.createdAt = at;
		if (state != MaskState.PROPOSED) {
			this.decidedBy = by;
			this.decidedAt = at;
		}
	}

	/** A number found by detection, masked until someone decides otherwise. */
	public static Mask proposed(String documentKey, String sectionKey, String digits, String asWritten, String by,
			Instant at) {
		return new Mask(documentKey, sectionKey, MaskKind.IDENTITY_NUMBER, digits, asWritten, MaskState.PROPOSED, by, at);
	}

	/** A number decided on before it was ever listed for review (confirmed on marking the review). */
	public static Mask decided(String documentKey, String sectionKey, String digits, String asWritten, MaskState state,
			String by, Instant at) {
		return new Mask(documentKey, sectionKey, MaskKind.IDENTITY_NUMBER, digits, asWritten, state, by, at);
	}

	/** A passage the secretary marked; masked from the start. */
	public static Mask passage(String documentKey, String sectionKey, String passage, String by, Instant at) {
		return new Mask(documentKey, sectionKey, MaskKind.PASSAGE, passage, passage, MaskState.CONFIRMED, by, at);
	}

	public void decide(MaskState state, String by, Instant at) {
		if (state == MaskState.PROPOSED) {
			throw new IllegalArgumentException("A decision confirms or removes");
		}
		this.state = state;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getDocumentKey() {
		return this.documentKey;
	}

	public String getSectionKey() {
		return this.sectionKey;
	}

	public MaskKind getKind() {
		return this.kind;
	}

	public String getMatchKey() {
		return this.matchKey;
	}

	public String getText() {
		return this.text;
	}

	public MaskState getState() {
		return this.state;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable String getDecidedBy() {
		return this.decidedBy;
	}

	public @Nullable Instant getDecidedAt() {
		return this.decidedAt;
	}

}
