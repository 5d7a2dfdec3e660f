package vn.loaxa;

import java.nio.file.Path;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.support.TestDirs;

/**
 * The one Spring context most tests share (so it starts once per run): the whole application on
 * a random port, real H2 in file mode and Flyway under a fresh {@code target/test-data/main-*}
 * data dir, an empty media folder (no sample import), and a known first administrator. MockMvc is
 * there too, for the pages.
 * <p>
 * Tests that share it must not depend on the library being empty: they make their own clips
 * (unique bytes, see {@code TestAudio}) and look only at those.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=" + ApiTestSupport.ADMIN,
				"loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD })
@AutoConfigureMockMvc
public abstract class IntegrationTest extends ApiTestSupport {

	protected static final Path DATA_DIR = TestDirs.create("main");
	private static final Path MEDIA_DIR = TestDirs.create("main-media");

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", MEDIA_DIR::toString);
	}

	@Override
	protected Path dataDir() {
		return DATA_DIR;
	}
}
