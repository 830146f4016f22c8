package se.paragraf.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * An administration (förvaltning) that prepares a board's matters; it may sit under another
 * (IT-center under Kommunstyrelsens förvaltning).
 */
@Entity
public class Administration {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String name;

	@Column(name = "parent_id")
	private @Nullable Long parentId;

	@Column(name = "municipality_id", nullable = false)
	private Long municipalityId;

	@Version
	private long version;

	protected Administration() {
		this.name = "";
		this.municipalityId = 0L;
	}

	public Administration(String name, Long municipalityId, @Nullable Long parentId) {
		this.name = name;
		this.municipalityId = municipalityId;
		this.parentId = parentId;
	}

	public Long getId() {
		return java.util.Objects.requireNonNull(this.id);
	}

	public String getName() {
		return this.name;
	}

	public @Nullable Long getParentId() {
		return this.parentId;
	}

	public Long getMunicipalityId() {
		return this.municipalityId;
	}

}
