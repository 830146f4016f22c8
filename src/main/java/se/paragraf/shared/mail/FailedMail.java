package se.paragraf.shared.mail;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
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

import se.paragraf.shared.Sweden;
import se.paragraf.shared.files.FileRef;

/**
 * A mail that could not be delivered, kept whole (recipient, subject, text and the attached PDF in the
 * file store) with the last error and the attempts made, until it is resolved: sent again, superseded
 * by a later mail of the same kind to the same address, or taken care of by hand. Never deleted.
 */
@Entity
@Table(name = "failed_mail")
public class FailedMail {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private MailKind kind;

	@Column(name = "board_id", updatable = false)
	private @Nullable Long boardId;

	@Column(name = "meeting_id", updatable = false)
	private @Nullable Long meetingId;

	@Column(updatable = false)
	private @Nullable String reference;

	@Column(nullable = false, updatable = false)
	private String screen;

	@Column(nullable = false, updatable = false)
	private String recipient;

	@Column(nullable = false, updatable = false)
	private String address;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private String body;

	@Column(name = "attachment_name")
	private @Nullable String attachmentName;

	@Embedded
	@AttributeOverride(name = "key", column = @Column(name = "attachment_key"))
	@AttributeOverride(name = "sha256", column = @Column(name = "attachment_sha256"))
	private @Nullable FileRef attachment;

	@Column(nullable = false)
	private String error;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "first_failed_at", nullable = false, updatable = false)
	private Instant firstFailedAt;

	@Column(name = "last_attempt_at", nullable = false)
	private Instant lastAttemptAt;

	@Column(name = "caused_by", nullable = false, updatable = false)
	private String causedBy;

	@Column(name = "resolved_at")
	private @Nullable Instant resolvedAt;

	@Column(name = "resolved_by")
	private @Nullable String resolvedBy;

	@Enumerated(EnumType.STRING)
	private @Nullable FailedMailResolution resolution;

	@Version
	private long version;

	protected FailedMail() {
		this.kind = MailKind.NOTICE_PUBLISHED;
		this.screen = "";
		this.recipient = "";
		this.address = "";
		this.subject = "";
		this.body = "";
		this.error = "";
		this.firstFailedAt = Instant.EPOCH;
		this.lastAttemptAt = Instant.EPOCH;
		this.causedBy = "";
	}

	FailedMail(Letter letter, @Nullable FileRef attachment, String error, Instant at, String by) {
		this.kind = letter.kind();
		this.boardId = letter.boardId();
		this.meetingId = letter.meetingId();
		this.reference = letter.reference();
		this.screen = letter.screen();
		this.recipient = letter.recipient();
		this.address = letter.address();
		this.subject = letter.subject();
		this.body = letter.text();
		this.attachmentName = attachment == null ? null : letter.filename();
		this.attachment = attachment;
		this.error = clip(error);
		this.attempts = 1;
		this.firstFailedAt = at;
		this.lastAttemptAt = at;
		this.causedBy = by;
	}

	/** Another attempt failed; a mail sent anew by the system replaces the kept wording. */
	void failedAgain(String error, Instant at, @Nullable Letter newer, @Nullable FileRef newerAttachment) {
		this.attempts++;
		this.error = clip(error);
		this.lastAttemptAt = at;
		if (newer != null) {
			this.subject = newer.subject();
			this.body = newer.text();
			this.attachmentName = newerAttachment == null ? null : newer.filename();
			this.attachment = newerAttachment;
		}
	}

	void resolved(FailedMailResolution how, Instant at, String by) {
		if (how == FailedMailResolution.RESENT) {
			this.attempts++;
			this.lastAttemptAt = at;
		}
		this.resolution = how;
		this.resolvedAt = at;
		this.resolvedBy = by;
	}

	private static String clip(String error) {
		return error.length() > 2000 ? error.substring(0, 2000) : error;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public MailKind getKind() {
		return this.kind;
	}

	public @Nullable Long getBoardId() {
		return this.boardId;
	}

	public @Nullable Long getMeetingId() {
		return this.meetingId;
	}

	public @Nullable String getReference() {
		return this.reference;
	}

	/** The path of the page where this failure is shown and retried. */
	public String getScreen() {
		return this.screen;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getAddress() {
		return this.address;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public @Nullable String getAttachmentName() {
		return this.attachmentName;
	}

	@Nullable FileRef getAttachment() {
		return this.attachment;
	}

	public String getError() {
		return this.error;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public Instant getFirstFailedAt() {
		return this.firstFailedAt;
	}

	public Instant getLastAttemptAt() {
		return this.lastAttemptAt;
	}

	/** When the last attempt was made, as Swedish readers write it. */
	public String lastAttemptAtLocal() {
		return Sweden.dateTime(this.lastAttemptAt);
	}

	/** Who caused the mail: the signed-in user, or "system" for a scheduled or event-driven one. */
	public String getCausedBy() {
		return this.causedBy;
	}

	public @Nullable Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public @Nullable String getResolvedBy() {
		return this.resolvedBy;
	}

	public @Nullable FailedMailResolution getResolution() {
		return this.resolution;
	}

	public boolean isOpen() {
		return this.resolvedAt == null;
	}

}
