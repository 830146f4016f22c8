package se.paragraf.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What a page shows follows the roles exactly as {@code hasAnyRole} and {@code isAuthenticated()} did. */
class PageAccessUnitTests {

	private final PageAccess access = new PageAccess();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAnonymousReaderIsNotSignedInAndHoldsNoRole() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		assertThat(this.access.signedIn()).isFalse();
		assertThat(this.access.any("ANONYMOUS", "ADMIN")).isFalse();
		assertThat(this.access.name()).isEmpty();
	}

	@Test
	void aSignedInUserHoldsExactlyTheRolesOfTheirAuthoritiesByWholeName() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("handlaggare", "",
					AuthorityUtils.createAuthorityList("ROLE_CASE_OFFICER", "SCOPE_read")));

		assertThat(this.access.signedIn()).isTrue();
		assertThat(this.access.name()).isEqualTo("handlaggare");
		assertThat(this.access.any("ADMIN", "CASE_OFFICER")).isTrue();
		assertThat(this.access.any("OFFICER")).isFalse();
		assertThat(this.access.any("CASE_OFFICE")).isFalse();
		assertThat(this.access.any("read")).isFalse();
		assertThat(this.access.any()).isFalse();
	}

	@Test
	void withNoAuthenticationAtAllNothingIsShown() {
		assertThat(this.access.signedIn()).isFalse();
		assertThat(this.access.any(List.of("ADMIN").toArray(String[]::new))).isFalse();
	}

}
