package se.paragraf.meetings;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

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

	void retitle(String title) {
		this.title = title;
	}

}
