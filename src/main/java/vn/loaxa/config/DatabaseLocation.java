package vn.loaxa.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the embedded H2 database at {@code <loaxa.data-dir>/db/loaxa} as an absolute path (H2
 * refuses paths relative to the working directory), unless {@code spring.datasource.url} is set,
 * as the PostgreSQL profile does.
 */
public class DatabaseLocation implements EnvironmentPostProcessor {

	static final String OPTIONS = ";DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		String dataDir = environment.getProperty("loaxa.data-dir", "data");
		Path db = Path.of(dataDir).toAbsolutePath().normalize().resolve("db").resolve("loaxa");
		String url = "jdbc:h2:file:" + db.toString().replace('\\', '/') + OPTIONS;
		environment.getPropertySources().addLast(new MapPropertySource("loaxa-database", Map.of("spring.datasource.url", url)));
	}
}
