package se.paragraf.meetings;

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
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

import se.paragraf.shared.Confidentiality;

/**
 * An item (ärende) on a meeting's agenda. Its number is its place on the agenda.
 */
@Entity
@Audited
@Table(name = "agenda_item")
public class AgendaItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AgendaItemKind kind;

	@Column(nullable = false)
	private String title;

	@Column(name = "matter_id")
	private @Nullable Long matterId;

	/**
	 * The item's own secrecy mark: handled behind closed doors, its documents withheld from the
	 * public notice. An item whose matter is secret is secret whatever this says.
	 */
	@Embedded
	private Confidentiality confidentiality = Confidentiality.open();

	/** When the item was taken off the agenda; null while it is on it. Nothing is deleted. */
	@Column(name = "removed_at")
	private @Nullable Instant removedAt;

	@Column(name = "removed_by")
	private @Nullable String removedBy;

	/** The number it had when it was removed, where a restored item goes back. */
	@Column(name = "removed_number")
	private @Nullable Integer removedNumber;

	protected AgendaItem() {
		this.kind = AgendaItemKind.MATTER;
		this.title = "";
	}

	AgendaItem(AgendaItemKind kind, String title, @Nullable Long matterId) {
		this.kind = kind;
		this.title = title;
		this.matterId = matterId;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public @Nullable Long getIdOrNull() {
		return this.id;
	}

	public AgendaItemKind getKind() {
		return this.kind;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable Long getMatterId() {
		return this.matterId;
	}

	/** The item's own mark; see {@link MeetingPlanning#confidentialityOf(AgendaItem)} for the one in force. */
	public Confidentiality getConfidentiality() {
		return this.confidentiality;
	}

	void classify(Confidentiality confidentiality) {
		this.confidentiality = confidentiality;
	}

	void retitle(String title) {
		this.title = title;
	}

	/** Whether the item was taken off the agenda (and may be restored). */
	public boolean isRemoved() {
		return this.removedAt != null;
	}

	public @Nullable Instant getRemovedAt() {
		return this.removedAt;
	}

	public @Nullable String getRemovedBy() {
		return this.removedBy;
	}

	int getRemovedNumber() {
		return this.removedNumber == null ? Integer.MAX_VALUE : this.removedNumber;
	}

	void removed(Instant at, String by, int number) {
		this.removedAt = at;
		this.removedBy = by;
		this.removedNumber = number;
	}

	void restored() {
		this.removedAt = null;
		this.removedBy = null;
		this.removedNumber = null;
	}

}
