package se.paragraf.people.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import se.paragraf.people.Board;
import se.paragraf.people.BoardKind;

/**
 * A board as the admin enters it. The code is checked by the organisation (2–12 letters, unique) and
 * cannot be changed later; {@code version} is the version the admin saw when editing.
 */
record BoardForm(@Nullable @Size(max = 12) String code, @NotBlank @Size(max = 200) @Nullable String name,
		@NotNull @Nullable BoardKind kind, @NotNull @Nullable Long hostMunicipalityId, @Nullable Long administrationId,
		@Nullable Set<Long> partnerMunicipalityIds, @Nullable Long version) {

	static BoardForm empty() {
		return new BoardForm(null, null, BoardKind.ORDINARY, null, null, Set.of(), null);
	}

	static BoardForm of(Board board) {
		return new BoardForm(board.getCode(), board.getName(), board.getKind(), board.getHostMunicipalityId(),
				board.getAdministrationId(), board.getPartnerMunicipalityIds(), board.getVersion());
	}

	Set<Long> partners() {
		return this.partnerMunicipalityIds == null ? Set.of() : this.partnerMunicipalityIds;
	}

	BoardForm withVersion(long current) {
		return new BoardForm(this.code, this.name, this.kind, this.hostMunicipalityId, this.administrationId,
				this.partnerMunicipalityIds, current);
	}

}
