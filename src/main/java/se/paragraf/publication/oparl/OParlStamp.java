package se.paragraf.publication.oparl;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * What the OParl interface knows of one object it has served: a fingerprint of its content, when
 * it was created, when its content last changed, and whether it has since gone (deleted or no
 * longer public). Nothing is removed from here, so a deleted object is still answered.
 */
@Entity
@Table(name = "oparl_stamp")
class OParlStamp {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, updatable = false)
	private String kind;

	@Column(name = "object_key", nullable = false, updatable = false)
	private String key;

	@Column(nullable = false)
	private String fingerprint;

	@Column(name = "body_id")
	private @Nullable Long bodyId;

	@Column(name = "organization_id")
	private @Nullable Long organizationId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant created;

	@Column(name = "modified_at", nullable = false)
	private Instant modified;

	private boolean deleted;

	@Version
	private long version;

	protected OParlStamp() {
		this.kind = "";
		this.key = "";
		this.fingerprint = "";
		this.created = Instant.EPOCH;
		this.modified = Instant.EPOCH;
	}

	OParlStamp(String kind, String key, String fingerprint, @Nullable Long bodyId, @Nullable Long organizationId,
			Instant created, Instant modified) {
		this.kind = kind;
		this.key = key;
		this.fingerprint = fingerprint;
		this.bodyId = bodyId;
		this.organizationId = organizationId;
		this.created = created;
		this.modified = modified;
	}

	Long getId() {
		return Objects.requireNonNull(this.id);
	}

	String getKind() {
		return this.kind;
	}

	String getKey() {
		return this.key;
	}

	String getFingerprint() {
		return this.fingerprint;
	}

	@Nullable Long getBodyId() {
		return this.bodyId;
	}

	@Nullable Long getOrganizationId() {
		return this.organizationId;
	}

	Instant getCreated() {
		return this.created;
	}

	Instant getModified() {
		return this.modified;
	}

	boolean isDeleted() {
		return this.deleted;
	}

	/** Records new content, or the return of an object that had gone. */
	boolean observe(String fingerprint, @Nullable Long bodyId, @Nullable Long organizationId, Instant now) {
		if (!this.deleted && this.fingerprint.equals(fingerprint) && Objects.equals(this.bodyId, bodyId)
				&& Objects.equals(this.organizationId, organizationId)) {
			return false;
		}
		this.fingerprint = fingerprint;
		this.bodyId = bodyId;
		this.organizationId = organizationId;
		this.deleted = false;
		this.modified = now.isAfter(this.modified) ? now : this.modified.plusMillis(1);
		return true;
	}

	boolean disappear(Instant now) {
		if (this.deleted) {
			return false;
		}
		this.deleted = true;
		this.modified = now.isAfter(this.modified) ? now : this.modified.plusMillis(1);
		return true;
	}

}
