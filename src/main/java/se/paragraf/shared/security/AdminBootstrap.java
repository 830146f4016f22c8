package se.paragraf.shared.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first administrator, {@code admin}, on the first start. Its password comes from
 * {@code PARAGRAF_ADMIN_PASSWORD}; without it a password is generated and printed once, since there
 * are no default passwords.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	static final String ADMIN = "admin";

	private final AccountService accounts;

	private final String configuredPassword;

	AdminBootstrap(AccountService accounts, @Value("${paragraf.admin-password:}") String configuredPassword) {
		this.accounts = accounts;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.exists(ADMIN)) {
			return;
		}
		boolean generated = !StringUtils.hasText(this.configuredPassword);
		String password = generated ? AccountService.generatePassword() : this.configuredPassword;
		this.accounts.create(ADMIN, password, Set.of(Role.ADMIN), null);
		if (generated) {
			log.warn("\n\n  Created the first administrator. Sign in as 'admin' with the password: {}\n"
					+ "  It is shown only this once; set PARAGRAF_ADMIN_PASSWORD to choose it yourself.\n", password);
		}
		else {
			log.info("Created the first administrator 'admin' with the password from PARAGRAF_ADMIN_PASSWORD");
		}
	}

}
