package se.paragraf.people;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A board (nämnd). A joint board (gemensam nämnd) sits in its host municipality and serves its
 * partner municipalities, the host included; each partner posts the board's public notices.
 */
@Entity
public class Board {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	/** The short code that prefixes diary numbers: GSN in GSN2023/4. */
	@Column(nullable = false, unique = true)
	private String code;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private BoardKind kind;

	@Column(name = "host_municipality_id", nullable = false)
	private Long hostMunicipalityId;

	@Column(name = "administration_id")
	private @Nullable Long administrationId;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "board_partner", joinColumns = @JoinColumn(name = "board_id"))
	@Column(name = "municipality_id")
	private Set<Long> partnerMunicipalityIds = new LinkedHashSet<>();

	@Version
	private long version;

	protected Board() {
		this.code = "";
		this.name = "";
		this.kind = BoardKind.ORDINARY;
		this.hostMunicipalityId = 0L;
	}

	public Board(String code, String name, BoardKind kind, Long hostMunicipalityId, @Nullable Long administrationId) {
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.hostMunicipalityId = hostMunicipalityId;
		this.administrationId = administrationId;
		this.partnerMunicipalityIds.add(hostMunicipalityId);
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	/** The name in the genitive, as in "Till Gemensamma servicenämndens ledamöter". */
	public String getGenitiveName() {
		return this.name.matches(".*[sxzSXZ]$") ? this.name : this.name + "s";
	}

	public BoardKind getKind() {
		return this.kind;
	}

	public Long getHostMunicipalityId() {
		return this.hostMunicipalityId;
	}

	public @Nullable Long getAdministrationId() {
		return this.administrationId;
	}

	/** Every municipality the board serves, the host included. */
	public Set<Long> getPartnerMunicipalityIds() {
		return Set.copyOf(this.partnerMunicipalityIds);
	}

	public long getVersion() {
		return this.version;
	}

	public void addPartner(Long municipalityId) {
		this.partnerMunicipalityIds.add(municipalityId);
	}

	public void update(String name, BoardKind kind, Long hostMunicipalityId, @Nullable Long administrationId,
			Set<Long> partners) {
		this.name = name;
		this.kind = kind;
		this.hostMunicipalityId = hostMunicipalityId;
		this.administrationId = administrationId;
		this.partnerMunicipalityIds.clear();
		this.partnerMunicipalityIds.add(hostMunicipalityId);
		this.partnerMunicipalityIds.addAll(partners);
	}

}
