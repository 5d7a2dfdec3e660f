package vn.loaxa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DataDirEnvironmentTests {

	private final DataDirEnvironment postProcessor = new DataDirEnvironment();

	@Test
	void aRelativeDataDirBecomesAbsoluteSoH2AcceptsTheUrl() {
		MockEnvironment environment = new MockEnvironment().withProperty("loaxa.data-dir", "data")
			.withProperty("spring.datasource.url", "jdbc:h2:file:${loaxa.data-dir}/db/loaxa");

		postProcessor.postProcessEnvironment(environment, new SpringApplication());

		String expected = Path.of("data").toAbsolutePath().toString();
		assertThat(environment.getProperty("loaxa.data-dir")).isEqualTo(expected);
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:" + expected + "/db/loaxa");
	}

	@Test
	void anAbsoluteDataDirIsLeftAlone() {
		String absolute = Path.of("/srv/loaxa").toAbsolutePath().toString();
		MockEnvironment environment = new MockEnvironment().withProperty("loaxa.data-dir", absolute);

		postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("loaxa.data-dir")).isEqualTo(absolute);
		assertThat(environment.getPropertySources().contains(DataDirEnvironment.SOURCE)).isFalse();
	}
}
