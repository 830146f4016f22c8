package se.paragraf.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The embedded database keeps every statement a busy page runs parsed, instead of H2's eight: without it
 * each view of the conduct page parsed its statements again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDatabaseTuningTests {

	@Autowired
	DataSource dataSource;

	@Test
	void paragrafsOwnEmbeddedDatabaseKeepsTheStatementsOfABusyPageParsed() throws SQLException {
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		assumeTrue(pool.getJdbcUrl().startsWith("jdbc:h2:"), "the PostgreSQL suite: PostgreSQL keeps its own");
		assertThat(queryCacheSize(pool)).isEqualTo(EmbeddedDatabaseTuning.STATEMENTS_KEPT);
	}

	@Test
	void anyH2UrlGetsTheSettingSoTestsAndBenchmarksMeasureWhatIsShipped() throws SQLException {
		try (HikariDataSource pool = pool("jdbc:h2:mem:tuning-any;MODE=PostgreSQL")) {
			assertThat(queryCacheSize(pool)).isEqualTo(EmbeddedDatabaseTuning.STATEMENTS_KEPT);
		}
	}

	@Test
	void aSizeTheAdministratorWroteInTheUrlStands() throws SQLException {
		try (HikariDataSource pool = pool("jdbc:h2:mem:tuning-own;query_cache_size=16")) {
			assertThat(queryCacheSize(pool)).isEqualTo(16);
		}
	}

	@Test
	void anotherDatabaseIsLeftAsItIs() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/paragraf");
		EmbeddedDatabaseTuning.tune(pool);
		assertThat(pool.getDataSourceProperties()).isEmpty();
		pool.close();
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		EmbeddedDatabaseTuning.tune(pool);
		return pool;
	}

	private static int queryCacheSize(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
			assertThat(row.next()).as("H2 lists QUERY_CACHE_SIZE among its settings").isTrue();
			return Integer.parseInt(row.getString(1));
		}
	}

}
