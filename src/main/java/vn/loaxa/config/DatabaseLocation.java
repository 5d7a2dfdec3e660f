package vn.loaxa.config;

import java.nio.file.Path;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Points the embedded H2 database at {@code <loaxa.data-dir>/db/loaxa} as an absolute path (H2
 * refuses paths relative to the working directory), unless {@code spring.datasource.url} is set,
 * as the PostgreSQL profile does. AUTO_SERVER lets the command-line tools open the database while
 * the service runs; WRITE_DELAY=0 writes each commit out at once (H2 would otherwise hold commits
 * for up to a second, and a broadcast record or plan change made just before a power cut or a
 * killed process would be lost). A lock file left by such an end is removed first ({@link StaleLock}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseLocation {

	static final String OPTIONS = ";DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE;WRITE_DELAY=0";

	@Bean
	static BeanPostProcessor embeddedDatabaseUnderDataDir(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof DataSourceProperties properties && properties.getUrl() == null) {
					Path dataDir = Path.of(environment.getProperty("loaxa.data-dir", "data"));
					StaleLock.removeIfStale(database(dataDir));
					properties.setUrl(urlFor(dataDir));
				}
				return bean;
			}
		};
	}

	static String urlFor(Path dataDir) {
		return "jdbc:h2:file:" + database(dataDir).toString().replace('\\', '/') + OPTIONS;
	}

	/** The database's path without H2's ".mv.db". */
	static Path database(Path dataDir) {
		return dataDir.toAbsolutePath().normalize().resolve("db").resolve("loaxa");
	}
}
