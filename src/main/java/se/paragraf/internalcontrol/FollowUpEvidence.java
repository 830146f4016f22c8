package se.paragraf.internalcontrol;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A file that shows a control was performed (a checklist, a sample); stored in the file store.
 */
@Entity
@Table(name = "follow_up_evidence")
public class FollowUpEvidence {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "follow_up_id", nullable = false)
	private Long followUpId;

	@Column(nullable = false)
	private String filename;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "storage_key", nullable = false)
	private String storageKey;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "size_bytes", nullable = false)
	private long size;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected FollowUpEvidence() {
		this.followUpId = 0L;
		this.filename = "";
		this.contentType = "";
		this.storageKey = "";
		this.sha256 = "";
		this.addedAt = Instant.EPOCH;
	}

	FollowUpEvidence(Long followUpId, String filename, String contentType, String storageKey, String sha256, long size,
			Instant addedAt) {
		this.followUpId = followUpId;
		this.filename = filename;
		this.contentType = contentType;
		this.storageKey = storageKey;
		this.sha256 = sha256;
		this.size = size;
		this.addedAt = addedAt;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getFollowUpId() {
		return this.followUpId;
	}

	public String getFilename() {
		return this.filename;
	}

	public String getContentType() {
		return this.contentType;
	}

	String getStorageKey() {
		return this.storageKey;
	}

	public String getSha256() {
		return this.sha256;
	}

	public long getSize() {
		return this.size;
	}

	public Instant getAddedAt() {
		return this.addedAt;
	}

}
