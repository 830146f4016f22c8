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

	/** The matters the notice carried, kept apart so "was this published?" is one indexed lookup. */
	@ElementCollection
	@CollectionTable(name = "notice_matter", joinColumns = @JoinColumn(name = "notice_id"))
	@Column(name = "matter_id")
	private Set<Long> matterIds = new HashSet<>();

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
			String pdfSha256, int pageCount, List<NoticeEntry> entries) {
		this.meetingId = meetingId;
		this.versionNumber = versionNumber;
		this.publishedAt = publishedAt;
		this.publishedBy = publishedBy;
		this.html = html;
		this.pdfKey = pdfKey;
		this.pdfSha256 = pdfSha256;
		this.pageCount = pageCount;
		this.entries = List.copyOf(entries);
		entries.stream().map(NoticeEntry::matterId).filter(java.util.Objects::nonNull).forEach(this.matterIds::add);
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

	/** The agenda as published, with each item's page range in the PDF. */
	public List<NoticeEntry> getEntries() {
		return this.entries;
	}

}
