package se.paragraf.shared.persistence;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Settings the embedded H2 database needs to serve pages quickly, whatever URL it is given (the default
 * file, an in-memory database in tests and benchmarks, or one an administrator chose).
 *
 * <p>H2 keeps the statements it has parsed per connection, eight by default. One view of the conduct page
 * runs about twenty different statements, so each was parsed again on every view: a quarter of the page's
 * CPU time (issue 12). PostgreSQL keeps prepared statements per connection on its own.
 */
@Component
class EmbeddedDatabaseTuning implements BeanPostProcessor {

	static final String QUERY_CACHE_SIZE = "QUERY_CACHE_SIZE";

	/** Parsed statements kept per connection: every statement the busiest pages run, with room to spare. */
	static final int STATEMENTS_KEPT = 128;

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool) {
			tune(pool);
		}
		return bean;
	}

	static void tune(HikariDataSource pool) {
		String url = pool.getJdbcUrl();
		// H2 refuses a setting given both in the URL and as a property: the URL's own choice stands.
		if (url != null && url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains(QUERY_CACHE_SIZE)
				&& !pool.getDataSourceProperties().containsKey(QUERY_CACHE_SIZE)) {
			pool.addDataSourceProperty(QUERY_CACHE_SIZE, Integer.toString(STATEMENTS_KEPT));
		}
	}

}
