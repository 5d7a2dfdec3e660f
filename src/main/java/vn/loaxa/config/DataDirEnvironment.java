package vn.loaxa.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code loaxa.data-dir} absolute before anything reads it. The H2 URL is built from it
 * ({@code jdbc:h2:file:${loaxa.data-dir}/db/loaxa}), and H2 refuses a path that is implicitly
 * relative to the working directory, such as the default {@code data}: without this,
 * {@code mvn spring-boot:run} from a fresh checkout stops with H2 error 90011.
 */
public class DataDirEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "loaxa.data-dir";
	static final String SOURCE = "loaxaAbsoluteDataDir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String dir = environment.getProperty(PROPERTY);
		if (dir == null || dir.isBlank()) {
			return;
		}
		String absolute = Path.of(dir.strip()).toAbsolutePath().normalize().toString();
		if (!absolute.equals(dir)) {
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(PROPERTY, absolute)));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE; // after application.yml and the environment have been read
	}
}
