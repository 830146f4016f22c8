package se.paragraf.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A municipality (kommun), with its official notice board.
 */
@Entity
public class Municipality {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true)
	private String name;

	/** The four-digit municipality code of Statistics Sweden (Ludvika 2085). */
	@Column(nullable = false, unique = true)
	private String code;

	@Version
	private long version;

	protected Municipality() {
		this.name = "";
		this.code = "";
	}

	public Municipality(String name, String code) {
		this.name = name;
		this.code = code;
	}

	public Long getId() {
		return java.util.Objects.requireNonNull(this.id);
	}

	public String getName() {
		return this.name;
	}

	public String getCode() {
		return this.code;
	}

	public long getVersion() {
		return this.version;
	}

	public void rename(String name, String code) {
		this.name = name;
		this.code = code;
	}

}
