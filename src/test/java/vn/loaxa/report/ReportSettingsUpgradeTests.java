package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.loaxa.support.TestDatabase;
import vn.loaxa.support.TestDirs;

/**
 * Migration V14 on a database of the release before it (as {@code ops.UpgradeTests} builds one):
 * the district a user typed becomes the superior authority line as typed, V4's sample value that no
 * one ever saved is not carried, and the filed report's new fields start empty. Runs on H2 and, in
 * the postgres-tests execution, on PostgreSQL.
 */
class ReportSettingsUpgradeTests {

	@Test
	void theDistrictTypedBecomesTheSuperiorAuthorityLineAsTyped() {
		Db db = databaseAtV13("typed");
		db.update("UPDATE commune_settings SET district = ?, updated_by = ? WHERE id = 1", "UBND HUYỆN Mường Chà", "hoa");

		migrate(db);

		Map<String, Object> row = db.queryForMap("SELECT * FROM commune_settings WHERE id = 1");
		assertThat(row.get("superior_authority")).isEqualTo("UBND HUYỆN Mường Chà");
		assertThat(row).doesNotContainKey("district");
		assertThat(row.get("commune_name")).isEqualTo("Xã Na Lay");
		assertThat(row.get("province")).isEqualTo("Tỉnh Điện Biên");
		assertThat(row.get("recipients")).isEqualTo("");
		assertThat(row.get("signer_title")).isEqualTo("");
		assertThat(row.get("signer_name")).isEqualTo("");
	}

	@Test
	void theSampleDistrictNoOneSavedIsNotCarried() {
		Db db = databaseAtV13("sample");

		migrate(db);

		assertThat(db.queryForObject("SELECT superior_authority FROM commune_settings WHERE id = 1", String.class))
			.isEmpty();
	}

	@Test
	void theSampleValueSavedByAUserIsKept() {
		Db db = databaseAtV13("saved");
		db.update("UPDATE commune_settings SET updated_by = ? WHERE id = 1", "hoa");

		migrate(db);

		assertThat(db.queryForObject("SELECT superior_authority FROM commune_settings WHERE id = 1", String.class))
			.isEqualTo("Huyện Mường Chà");
	}

	/** A database at the release before V14, and how to reach it. */
	private record Db(JdbcTemplate jdbc, String url, String user, String password) {

		void update(String sql, Object... args) {
			jdbc.update(sql, args);
		}

		Map<String, Object> queryForMap(String sql) {
			return jdbc.queryForMap(sql);
		}

		<T> T queryForObject(String sql, Class<T> type) {
			return jdbc.queryForObject(sql, type);
		}
	}

	private static Db databaseAtV13(String name) {
		Path data = TestDirs.create("settings-upgrade-" + name);
		Map<String, String> props = TestDatabase.properties(data.toString());
		String url = props.getOrDefault("spring.datasource.url",
				"jdbc:h2:file:" + data.resolve("db/loaxa").toString().replace('\\', '/') + ";DATABASE_TO_LOWER=TRUE");
		String user = props.getOrDefault("spring.datasource.username", "loaxa");
		String password = props.getOrDefault("spring.datasource.password", "");
		flyway(url, user, password, "13").migrate();
		return new Db(new JdbcTemplate(new DriverManagerDataSource(url, user, password)), url, user, password);
	}

	private static void migrate(Db db) {
		flyway(db.url(), db.user(), db.password(), "14").migrate();
	}

	private static Flyway flyway(String url, String user, String password, String target) {
		String vendor = "classpath:db/vendor/" + (url.startsWith("jdbc:h2:") ? "h2" : "postgresql");
		return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration", vendor)
			.target(target).load();
	}
}
