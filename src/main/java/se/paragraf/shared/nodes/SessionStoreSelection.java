package se.paragraf.shared.nodes;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps sessions in the servlet container's memory unless {@code paragraf.sessions.store=jdbc}.
 * Spring Boot 4 turns Spring Session JDBC on whenever it is on the class path (there is no store-type
 * setting any more); this filter leaves its auto-configuration out by default, so the one-machine
 * installation behaves exactly as before, and lets it in (with every {@code spring.session.*} setting)
 * when an operator asks for database sessions. Registered in {@code META-INF/spring.factories}.
 */
public class SessionStoreSelection implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String PROPERTY = "paragraf.sessions.store";

	private static final String JDBC_SESSIONS = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
		boolean jdbc = this.environment != null && isJdbc(this.environment);
		boolean[] match = new boolean[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			match[i] = jdbc || !JDBC_SESSIONS.equals(candidates[i]);
		}
		return match;
	}

	static boolean isJdbc(Environment environment) {
		String store = environment.getProperty(PROPERTY, "memory").strip();
		if (store.equalsIgnoreCase("jdbc")) {
			return true;
		}
		if (store.equalsIgnoreCase("memory")) {
			return false;
		}
		throw new IllegalStateException(PROPERTY + " must be memory or jdbc, not '" + store + "'");
	}

}
