package se.paragraf.people.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import se.paragraf.people.MembershipRole;

/**
 * A person's assignment on a board: role and term.
 */
record MembershipForm(@NotNull @Nullable Long personId, @NotNull @Nullable Long boardId,
		@NotNull @Nullable MembershipRole role, @NotNull @Nullable LocalDate termStart,
		@NotNull @Nullable LocalDate termEnd) {

	static MembershipForm empty() {
		return new MembershipForm(null, null, MembershipRole.MEMBER, null, null);
	}

}
