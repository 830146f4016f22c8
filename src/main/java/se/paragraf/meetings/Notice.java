package se.paragraf.meetings;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A published notice (kallelse): the HTML page and the PDF exactly as they were published. It is
 * never changed; publishing again makes the next version and the old one stays readable.
 * <p>
 * A notice comes in two variants. The public one ({@link #getHtml()}, {@link #getPdfKey()},
 * {@link #getEntries()} and the rest without "Official") is what anyone may read: secret items
 * withheld, secret attachments left out, text masked. The official one ({@code getOfficial...}) is
 * complete, for members and staff. When nothing was withheld or masked they are one and the same.
 */
@Entity
@Table(name = "notice")
public class Notice {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "version_number", nullable = false, updatable = false)
	private int versionNumber;

	@Column(name = "published_at", nullable = false, updatable = false)
	private Instant publishedAt;

	@Column(name = "published_by", nullable = false, updatable = false)
	private String publishedBy;

	@Column(nullable = false, updatable = false)
	private String html;

	@Column(name = "pdf_key", nullable = false, updatable = false)
	private String pdfKey;

	@Column(name = "pdf_sha256", nullable = false, updatable = false)
	private String pdfSha256;

	@Column(name = "page_count", nullable = false, updatable = false)
	private int pageCount;

	@Convert(converter = JsonConverters.NoticeEntries.class)
	@Column(nullable = false, updatable = false)
	private List<NoticeEntry> entries;

	@Column(name = "official_html", updatable = false)
	private @Nullable String officialHtml;

	@Column(name = "official_pdf_key", updatable = false)
	private @Nullable String officialPdfKey;

	@Column(name = "official_pdf_sha256", updatable = false)
	private @Nullable String officialPdfSha256;

	@Column(name = "official_page_count", updatable = false)
	private @Nullable Integer officialPageCount;

	/**
	 * The SHA-256 of what the notice was composed from (both pages without page numbers):
	 * equal now means nothing changed since; null for notices published before it was kept.
	 */
	@Column(name = "source_sha256", updatable = false)
	private @Nullable String sourceSha256;

	@Convert(converter = JsonConverters.NoticeEntries.class)
	@Column(name = "official_entries", updatable = false)
	private @Nullable List<NoticeEntry> officialEntries;

	/** The structured source, item by item; null for notices published before it was kept. */
	@Convert(converter = JsonConverters.NoticeOutlines.class)
	@Column(updatable = false)
	private @Nullable List<NoticeOutline> outline;

	/**
	 * The matters whose documents the public notice carried (secret ones are not among them), kept
	 * apart so "was this published?" is one indexed lookup.
	 */
	@ElementCollection
	@CollectionTable(name = "notice_matter", joinColumns = @JoinColumn(name = "notice_id"))
	@Column(name = "matter_id")
	private Set<Long> matterIds = new HashSet<>();

	/**
	 * The attachments the public notice carried: neither secret nor withheld for personal data. Only
	 * these are public files; an attachment added or marked later waits for the next publication.
	 */
	@ElementCollection
	@CollectionTable(name = "notice_attachment", joinColumns = @JoinColumn(name = "notice_id"))
	@Column(name = "attachment_id")
	private Set<Long> attachmentIds = new HashSet<>();

	protected Notice() {
		this.meetingId = 0L;
		this.publishedAt = Instant.EPOCH;
		this.publishedBy = "";
		this.html = "";
		this.pdfKey = "";
		this.pdfSha256 = "";
		this.entries = List.of();
	}

	Notice(Long meetingId, int versionNumber, Instant publishedAt, String publishedBy, String html, String pdfKey,
			String pdfSha256, int pageCount, List<NoticeEntry> entries, java.util.Collection<Long> publishedMatters,
			java.util.Collection<Long> publishedAttachments) {
		this.meetingId = meetingId;
		this.versionNumber = versionNumber;
		this.publishedAt = publishedAt;
		this.publishedBy = publishedBy;
		this.html = html;
		this.pdfKey = pdfKey;
		this.pdfSha256 = pdfSha256;
		this.pageCount = pageCount;
		this.entries = List.copyOf(entries);
		this.matterIds.addAll(publishedMatters);
		this.attachmentIds.addAll(publishedAttachments);
	}

	/** Keeps the official, complete notice beside the public variant, which withheld or masked something. */
	void official(String html, String pdfKey, String pdfSha256, int pageCount, List<NoticeEntry> entries) {
		this.officialHtml = html;
		this.officialPdfKey = pdfKey;
		this.officialPdfSha256 = pdfSha256;
		this.officialPageCount = pageCount;
		this.officialEntries = List.copyOf(entries);
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

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public String getPublishedBy() {
		return this.publishedBy;
	}

	/** The PUBLIC page: what /public serves and what public search indexes. */
	public String getHtml() {
		return this.html;
	}

	public String getPdfKey() {
		return this.pdfKey;
	}

	public String getPdfSha256() {
		return this.pdfSha256;
	}

	public int getPageCount() {
		return this.pageCount;
	}

	/** The public agenda as published (secret items titled by their ground), with the public PDF's pages. */
	public List<NoticeEntry> getEntries() {
		return this.entries;
	}

	/** Whether the public variant withheld or masked something, so that the official notice differs. */
	public boolean hasOfficialVariant() {
		return this.officialHtml != null;
	}

	/** The official, complete page, for members and staff only. */
	public String getOfficialHtml() {
		return this.officialHtml != null ? this.officialHtml : this.html;
	}

	public String getOfficialPdfKey() {
		return this.officialHtml != null && this.officialPdfKey != null ? this.officialPdfKey : this.pdfKey;
	}

	public String getOfficialPdfSha256() {
		return this.officialHtml != null && this.officialPdfSha256 != null ? this.officialPdfSha256 : this.pdfSha256;
	}

	public @Nullable String getSourceSha256() {
		return this.sourceSha256;
	}

	void composedFrom(String sourceSha256, List<NoticeOutline> outline) {
		this.sourceSha256 = sourceSha256;
		this.outline = List.copyOf(outline);
	}

	/** The structured source this version was composed from; empty for versions published before it was kept. */
	public java.util.Optional<List<NoticeOutline>> getOutline() {
		// An agenda always has its standing items, so an empty outline is one that was not kept.
		return this.outline == null || this.outline.isEmpty() ? java.util.Optional.empty()
				: java.util.Optional.of(this.outline);
	}

	public int getOfficialPageCount() {
		return this.officialHtml != null && this.officialPageCount != null ? this.officialPageCount : this.pageCount;
	}

	/** The complete agenda with the official PDF's pages. */
	public List<NoticeEntry> getOfficialEntries() {
		return this.officialHtml != null && this.officialEntries != null ? this.officialEntries : this.entries;
	}

}
