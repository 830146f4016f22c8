package se.paragraf.documents;

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
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.files.FileRef;

/**
 * The letterhead (brevhuvud) of an administration or a board: the name and address its notices,
 * reports, minutes and extracts carry at the top, and its logo, a checked PNG or sanitised SVG kept
 * in the file store.
 */
@Entity
public class Letterhead {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "owner_kind", nullable = false, updatable = false)
	private LetterheadOwner ownerKind;

	@Column(name = "owner_id", nullable = false, updatable = false)
	private Long ownerId;

	@Column(nullable = false)
	private String name;

	private @Nullable String address;

	@Embedded
	@AttributeOverride(name = "key", column = @Column(name = "logo_key"))
	@AttributeOverride(name = "sha256", column = @Column(name = "logo_sha256"))
	private @Nullable FileRef logo;

	@Column(name = "logo_media_type")
	private @Nullable String logoMediaType;

	@Version
	private long version;

	protected Letterhead() {
		this.ownerKind = LetterheadOwner.BOARD;
		this.ownerId = 0L;
		this.name = "";
	}

	Letterhead(LetterheadOwner ownerKind, Long ownerId) {
		this.ownerKind = ownerKind;
		this.ownerId = ownerId;
		this.name = "";
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public LetterheadOwner getOwnerKind() {
		return this.ownerKind;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public String getName() {
		return this.name;
	}

	/** The postal address, one line per line as printed; null when none is given. */
	public @Nullable String getAddress() {
		return this.address;
	}

	public boolean hasLogo() {
		return this.logo != null;
	}

	public @Nullable FileRef getLogo() {
		return this.logo;
	}

	/** {@code image/png} or {@code image/svg+xml}; null without a logo. */
	public @Nullable String getLogoMediaType() {
		return this.logoMediaType;
	}

	public long getVersion() {
		return this.version;
	}

	void describe(String name, @Nullable String address) {
		this.name = name;
		this.address = address;
	}

	void logo(@Nullable FileRef logo, @Nullable String mediaType) {
		this.logo = logo;
		this.logoMediaType = logo == null ? null : mediaType;
	}

}
