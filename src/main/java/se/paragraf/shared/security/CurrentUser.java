package se.paragraf.shared.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * Who is signed in: the account, its roles, the person it stands for and the codes of the boards a
 * single sign-on provider's groups seat it on (empty for a password account).
 */
public record CurrentUser(String username, Set<Role> roles, @Nullable Long personId, Set<String> boards) {

	public CurrentUser(String username, Set<Role> roles, @Nullable Long personId) {
		this(username, roles, personId, Set.of());
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** The signed-in user, if any. */
	public static Optional<CurrentUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof ParagrafUser user)) {
			return Optional.empty();
		}
		return Optional.of(new CurrentUser(user.getUsername(), roles(user), user.personId(), user.boards()));
	}

	/** The name to record in history and on published documents. */
	public static String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

	private static Set<Role> roles(User user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> Role.valueOf(a.substring(5)))
			.collect(Collectors.toUnmodifiableSet());
	}

}
