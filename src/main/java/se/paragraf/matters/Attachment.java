package se.paragraf.matters;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.Confidentiality;

/**
 * An attachment (bilaga) to a matter's report. A file's content is stored once with its SHA-256
 * and never changes; a new version is a new attachment.
 */
@Entity
public class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "matter_id", nullable = false, updatable = false)
	private Long matterId;

	@Embedded
	private Confidentiality confidentiality = Confidentiality.open();

	@Column(nullable = false)
	private String title;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private AttachmentKind kind;

	private @Nullable String filename;

	@Column(name = "content_type")
	private @Nullable String contentType;

	@Column(name = "size_bytes")
	private long size;

	private @Nullable String sha256;

	@Column(name = "storage_key")
	private @Nullable String storageKey;

	private @Nullable String body;

	@Column(nullable = false)
	private int position;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	@Column(name = "added_by", nullable = false)
	private String addedBy;

	/** Withdrawn attachments stay in the record but no longer go with the report. */
	private boolean withdrawn;

	@Column(name = "withdrawn_at")
	private @Nullable Instant withdrawnAt;

	@Column(name = "withdrawn_by")
	private @Nullable String withdrawnBy;

	@Column(name = "restored_at")
	private @Nullable Instant restoredAt;

	@Column(name = "restored_by")
	private @Nullable String restoredBy;

	@Column(name = "classified_at")
	private @Nullable Instant classifiedAt;

	@Column(name = "classified_by")
	private @Nullable String classifiedBy;

	protected Attachment() {
		this.matterId = 0L;
		this.title = "";
		this.kind = AttachmentKind.FILE;
		this.addedAt = Instant.EPOCH;
		this.addedBy = "";
	}

	static Attachment file(Long matterId, String title, int position, String filename, String contentType,
			long size, String sha256, String storageKey, Instant addedAt, String addedBy) {
		Attachment attachment = new Attachment();
		attachment.matterId = matterId;
		attachment.title = title;
		attachment.kind = AttachmentKind.FILE;
		attachment.position = position;
		attachment.filename = filename;
		attachment.contentType = contentType;
		attachment.size = size;
		attachment.sha256 = sha256;
		attachment.storageKey = storageKey;
		attachment.addedAt = addedAt;
		attachment.addedBy = addedBy;
		return attachment;
	}

	static Attachment text(Long matterId, String title, int position, String body, Instant addedAt,
			String addedBy) {
		Attachment attachment = new Attachment();
		attachment.matterId = matterId;
		attachment.title = title;
		attachment.kind = AttachmentKind.TEXT;
		attachment.position = position;
		attachment.body = body;
		attachment.addedAt = addedAt;
		attachment.addedBy = addedBy;
		return attachment;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMatterId() {
		return this.matterId;
	}

	public String getTitle() {
		return this.title;
	}

	public AttachmentKind getKind() {
		return this.kind;
	}

	public @Nullable String getFilename() {
		return this.filename;
	}

	public @Nullable String getContentType() {
		return this.contentType;
	}

	public long getSize() {
		return this.size;
	}

	public @Nullable String getSha256() {
		return this.sha256;
	}

	public @Nullable String getStorageKey() {
		return this.storageKey;
	}

	public @Nullable String getBody() {
		return this.body;
	}

	public int getPosition() {
		return this.position;
	}

	public Instant getAddedAt() {
		return this.addedAt;
	}

	public String getAddedBy() {
		return this.addedBy;
	}

	public boolean isWithdrawn() {
		return this.withdrawn;
	}

	public boolean isPdf() {
		return this.kind == AttachmentKind.FILE && "application/pdf".equals(this.contentType);
	}

	public Confidentiality getConfidentiality() {
		return this.confidentiality;
	}

	/** Secret under OSL: members may read it, the public never does. */
	public boolean isConfidential() {
		return this.confidentiality.isConfidential();
	}

	/** When the secrecy mark was last set or lifted; null if it never was. */
	public @Nullable Instant getClassifiedAt() {
		return this.classifiedAt;
	}

	public @Nullable String getClassifiedBy() {
		return this.classifiedBy;
	}

	void classify(Confidentiality confidentiality, Instant at, String by) {
		this.confidentiality = confidentiality;
		this.classifiedAt = at;
		this.classifiedBy = by;
	}

	/** When it was last withdrawn; null if it never was (or was withdrawn before this was recorded). */
	public @Nullable Instant getWithdrawnAt() {
		return this.withdrawnAt;
	}

	public @Nullable String getWithdrawnBy() {
		return this.withdrawnBy;
	}

	/** When a withdrawal was last undone; null if it never was. */
	public @Nullable Instant getRestoredAt() {
		return this.restoredAt;
	}

	public @Nullable String getRestoredBy() {
		return this.restoredBy;
	}

	void withdraw(Instant at, String by) {
		this.withdrawn = true;
		this.withdrawnAt = at;
		this.withdrawnBy = by;
	}

	void restore(Instant at, String by) {
		this.withdrawn = false;
		this.restoredAt = at;
		this.restoredBy = by;
	}

}
