package se.paragraf.proceedings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.files.FileRef;

/**
 * One version of a meeting's minutes (protokoll): the HTML page and the PDF made from the meeting's
 * record, the signatures of the chair and the checkers, and once certified the sealed PDF. A
 * certified version never changes; a correction is the next version, with its reason.
 * <p>
 * What is signed and sealed is the official document ({@link #getOfficialHtml()},
 * {@link #getPdfKey()}, {@link #getSignedPdfKey()}). When a section is secret or text is masked, a
 * public variant is kept beside it and is all the public sees ({@link #getHtml()},
 * {@link #getPublicPdfKey()}); otherwise the official minutes are public as they are.
 */
@Entity
@Table(name = "minutes")
public class Minutes {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "version_number", nullable = false, updatable = false)
	private int versionNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MinutesState state = MinutesState.DRAFT;

	/** The version of the meeting record the draft was made from; a later change makes it outdated. */
	@Column(name = "record_version", nullable = false)
	private long recordVersion;

	/** The official page. */
	@Column(name = "html", nullable = false)
	private String html;

	@Column(name = "public_html")
	private @Nullable String publicHtml;

	@Embedded
	@AttributeOverride(name = "key", column = @Column(name = "public_pdf_key"))
	@AttributeOverride(name = "sha256", column = @Column(name = "public_pdf_sha256"))
	private @Nullable FileRef publicPdf;

	/** The official PDF as drawn, which the signers sign; null only before the first drawing. */
	@Embedded
	@AttributeOverride(name = "key", column = @Column(name = "pdf_key", nullable = false))
	@AttributeOverride(name = "sha256", column = @Column(name = "pdf_sha256", nullable = false))
	private @Nullable FileRef pdf;

	@Embedded
	@AttributeOverride(name = "key", column = @Column(name = "signed_pdf_key"))
	@AttributeOverride(name = "sha256", column = @Column(name = "signed_pdf_sha256"))
	private @Nullable FileRef signedPdf;

	@Column(name = "first_section", nullable = false)
	private int firstSection;

	@Column(name = "last_section", nullable = false)
	private int lastSection;

	@Column(name = "correction_reason", updatable = false)
	private @Nullable String correctionReason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(name = "certified_at")
	private @Nullable Instant certifiedAt;

	@Convert(converter = JsonConverters.Signatures.class)
	@Column(nullable = false)
	private List<Signature> signatures = new ArrayList<>();

	@Column(name = "reminded_on")
	private @Nullable LocalDate remindedOn;

	@Version
	private long version;

	protected Minutes() {
		this.meetingId = 0L;
		this.html = "";
		this.createdAt = Instant.EPOCH;
		this.createdBy = "";
	}

	Minutes(Long meetingId, int versionNumber, @Nullable String correctionReason) {
		this();
		this.meetingId = meetingId;
		this.versionNumber = versionNumber;
		this.correctionReason = correctionReason;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	public int getVersionNumber() {
		return this.versionNumber;
	}

	public MinutesState getState() {
		return this.state;
	}

	public boolean isCertified() {
		return this.state == MinutesState.CERTIFIED;
	}

	public long getRecordVersion() {
		return this.recordVersion;
	}

	/** The PUBLIC page: what /public serves and what public search indexes. */
	public String getHtml() {
		return this.publicHtml != null ? this.publicHtml : this.html;
	}

	/** The official, complete page, for members and staff only. */
	public String getOfficialHtml() {
		return this.html;
	}

	/** Whether the public variant withholds or masks something, so that the official minutes stay internal. */
	public boolean hasPublicVariant() {
		return this.publicHtml != null;
	}

	/** The public PDF: the separate public variant, or else the sealed official one. */
	public @Nullable String getPublicPdfKey() {
		FileRef file = publicPdf();
		return file != null ? file.key() : null;
	}

	public @Nullable String getPublicPdfSha256() {
		FileRef file = publicPdf();
		return file != null ? file.sha256() : null;
	}

	private @Nullable FileRef publicPdf() {
		return this.publicHtml != null ? this.publicPdf : this.signedPdf;
	}

	public String getPdfKey() {
		return Objects.requireNonNull(this.pdf).key();
	}

	public String getPdfSha256() {
		return Objects.requireNonNull(this.pdf).sha256();
	}

	public @Nullable String getSignedPdfKey() {
		return this.signedPdf != null ? this.signedPdf.key() : null;
	}

	public @Nullable String getSignedPdfSha256() {
		return this.signedPdf != null ? this.signedPdf.sha256() : null;
	}

	public int getFirstSection() {
		return this.firstSection;
	}

	public int getLastSection() {
		return this.lastSection;
	}

	/** "§§ 1–5", or "§ 7". */
	public String getSectionRange() {
		return this.firstSection == this.lastSection ? "§ " + this.firstSection
				: "§§ " + this.firstSection + "–" + this.lastSection;
	}

	public @Nullable String getCorrectionReason() {
		return this.correctionReason;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public @Nullable Instant getCertifiedAt() {
		return this.certifiedAt;
	}

	public List<Signature> getSignatures() {
		return List.copyOf(this.signatures);
	}

	public @Nullable LocalDate getRemindedOn() {
		return this.remindedOn;
	}

	public long getVersion() {
		return this.version;
	}

	/** Draws the minutes up (again); signatures on an earlier draft no longer hold. */
	void draw(long recordVersion, String html, FileRef pdf, int firstSection, int lastSection, Instant at, String by) {
		checkDraft();
		this.recordVersion = recordVersion;
		this.html = html;
		this.pdf = pdf;
		this.firstSection = firstSection;
		this.lastSection = lastSection;
		this.createdAt = at;
		this.createdBy = by;
		this.signatures = new ArrayList<>();
		this.publicHtml = null;
		this.publicPdf = null;
	}

	/**
	 * The public variant of this draft or, at certification, of the certified minutes; null when
	 * nothing is withheld or masked. Fixed once certified.
	 */
	void publicVariant(@Nullable String html, @Nullable FileRef pdf) {
		checkDraft();
		this.publicHtml = html;
		this.publicPdf = pdf;
	}

	void sign(Signature signature) {
		checkDraft();
		if (this.signatures.stream().anyMatch(s -> s.personId().equals(signature.personId()))) {
			throw new RuleViolation("certification.alreadySigned");
		}
		if (this.pdf == null || !this.pdf.hasSha256(signature.pdfSha256())) {
			throw new RuleViolation("minutes.outdated");
		}
		List<Signature> next = new ArrayList<>(this.signatures);
		next.add(signature);
		this.signatures = next;
	}

	/** Certifies: the sealed PDF and the official page as certified (the draft's page carried the draft mark). */
	void certify(Instant at, FileRef signedPdf, String html) {
		checkDraft();
		this.html = html;
		this.state = MinutesState.CERTIFIED;
		this.certifiedAt = at;
		this.signedPdf = signedPdf;
	}

	void reminded(LocalDate on) {
		this.remindedOn = on;
	}

	private void checkDraft() {
		if (this.state == MinutesState.CERTIFIED) {
			throw new RuleViolation("minutes.alreadyCertified");
		}
	}

}
