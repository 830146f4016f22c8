package se.paragraf.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.security.Role;

/**
 * Who reads what: the one rule every page, API operation, file download and search result asks.
 * <ul>
 * <li>Nobody signed in: what is public.</li>
 * <li>Admins, secretaries and case officers: everything, secret content of every board included
 * (they keep the register).</li>
 * <li>Members and substitutes: internal content, and the secret content of the boards they sit on,
 * as the seat was on the day in question (a meeting's day) or is today, or as the single sign-on
 * provider's groups seat them now.</li>
 * <li>Everyone else signed in (economists, members and substitutes of other boards): internal
 * content that is not secret.</li>
 * </ul>
 * Roles add up. What is secret is the content's own business ({@code Confidentiality}, inherited
 * attachment ← matter, item ← matter, section ← item); this class only says who may read it.
 */
@Component
public class ReadingRights {


	/** Those who keep the register and the meetings read every board's secrets. */
	private static final Set<Role> KEEPERS = EnumSet.of(Role.ADMIN, Role.SECRETARY, Role.CASE_OFFICER);

	/** Those who read their own boards' secrets. */
	private static final Set<Role> SEATED = EnumSet.of(Role.MEMBER, Role.SUBSTITUTE);

	private final Organisation organisation;

	private final Clock clock;

	ReadingRights(Organisation organisation, Clock clock) {
		this.organisation = organisation;
		this.clock = clock;
	}

	/** Whether anyone is signed in, and so may read internal content that is not secret. */
	public boolean readsInternal() {
		return !roles().isEmpty() || CurrentUser.get().isPresent();
	}

	/** Whether the signed-in user reads the secret content of every board. */
	public boolean readsAllSecrets() {
		return roles().stream().anyMatch(KEEPERS::contains);
	}

	/**
	 * Whether the signed-in user may read the board's secret content: a keeper of the register, or a
	 * member or substitute of the board on one of the given days (a meeting's day) or today.
	 */
	public boolean readsSecretsOf(Long boardId, LocalDate... days) {
		if (readsAllSecrets()) {
			return true;
		}
		if (!seated()) {
			return false;
		}
		if (claimedBoards().contains(boardId)) {
			return true;
		}
		Long personId = seatedPerson();
		if (personId == null) {
			return false;
		}
		return Stream.concat(Stream.of(days), Stream.of(today()))
			.distinct()
			.flatMap(day -> this.organisation.membershipsOf(personId, day).stream())
			.anyMatch(m -> m.getBoardId().equals(boardId));
	}

	/**
	 * Refuses (403) a reader who may not read the board's secret content: for content that is
	 * nothing but secret (a secret report, a secret file), where leaving things out makes no sense.
	 */
	public void requireSecretsOf(Long boardId, LocalDate... days) {
		if (!readsSecretsOf(boardId, days)) {
			throw new AccessDeniedException("May not read the secret content of board " + boardId);
		}
	}

	/** What the signed-in user may find among many boards' content, e.g. in search. */
	public Reach reach() {
		if (!readsInternal()) {
			return Reach.PUBLIC;
		}
		if (readsAllSecrets()) {
			return new Reach(true, true, Set.of());
		}
		if (!seated()) {
			return new Reach(true, false, Set.of());
		}
		Long personId = seatedPerson();
		Set<Long> boards = Stream
			.concat(claimedBoards().stream(),
					personId == null ? Stream.empty()
							: this.organisation.membershipsOf(personId, today()).stream().map(Membership::getBoardId))
			.collect(Collectors.toUnmodifiableSet());
		return new Reach(true, false, boards);
	}

	private static boolean seated() {
		return roles().stream().anyMatch(SEATED::contains);
	}

	/** The person of a signed-in member or substitute, whose seats open their boards' secrets. */
	private @Nullable Long seatedPerson() {
		if (!seated()) {
			return null;
		}
		return CurrentUser.get().map(CurrentUser::personId).orElse(null);
	}

	/** The boards a single sign-on provider's groups seat the signed-in user on (by code; unknown codes ignored). */
	private Set<Long> claimedBoards() {
		Set<String> codes = CurrentUser.get().map(CurrentUser::boards).orElse(Set.of());
		if (codes.isEmpty()) {
			return Set.of();
		}
		return codes.stream()
			.map(this.organisation::findBoard)
			.flatMap(java.util.Optional::stream)
			.map(Board::getId)
			.collect(Collectors.toUnmodifiableSet());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The roles of whoever is signed in, from the authorities (any authentication, not only an account's). */
	private static Set<Role> roles() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Set.of();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/**
	 * Whose content a reader finds: nothing but the public (nobody signed in), everything, or the
	 * internal content that is not secret together with the secret content of some boards.
	 */
	public record Reach(boolean internal, boolean everything, Set<Long> secretBoards) {

		public static final Reach PUBLIC = new Reach(false, false, Set.of());

	}

}
