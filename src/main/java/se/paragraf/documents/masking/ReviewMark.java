package se.paragraf.documents.masking;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * That the secretary has reviewed a document's masks, by whom and when (the latest time counts).
 */
@Entity
@Table(name = "masking_review")
public class ReviewMark {

	@Id
	@Column(name = "document_key")
	private String documentKey;

	@Column(name = "reviewed_by", nullable = false)
	private String reviewedBy;

	@Column(name = "reviewed_at", nullable = false)
	private Instant reviewedAt;

	protected ReviewMark() {
		this.documentKey = "";
		this.reviewedBy = "";
		this.reviewedAt = Instant.EPOCH;
	}

	public ReviewMark(String documentKey, String by, Instant at) {
		this.documentKey = documentKey;
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	public void renew(String by, Instant at) {
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	public String getDocumentKey() {
		return this.documentKey;
	}

	public String getReviewedBy() {
		return this.reviewedBy;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

}
