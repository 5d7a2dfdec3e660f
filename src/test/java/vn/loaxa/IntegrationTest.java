package vn.loaxa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestDirs;

/**
 * The one Spring context most tests share (so it starts once per run): the whole application on
 * a random port, real H2 in file mode and Flyway under a fresh {@code target/test-data/main-*}
 * data dir, an empty media folder (no sample import), and a known first administrator.
 * <p>
 * Tests that share it must not depend on the library being empty: they make their own clips
 * (unique bytes, see {@code TestAudio}) and look only at those.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=" + IntegrationTest.ADMIN,
				"loaxa.admin.password=" + IntegrationTest.ADMIN_PASSWORD })
@AutoConfigureMockMvc
public abstract class IntegrationTest {

	public static final String ADMIN = "admin";
	public static final String ADMIN_PASSWORD = "mat-khau-thu-nghiem";

	protected static final Path DATA_DIR = TestDirs.create("main");
	protected static final Path MEDIA_DIR = TestDirs.create("main-media");

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		registry.add("loaxa.media-dir", MEDIA_DIR::toString);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected ApiClient admin;
	protected ApiClient anonymous;

	@BeforeEach
	void clients() {
		admin = ApiClient.as(port, ADMIN, ADMIN_PASSWORD);
		anonymous = ApiClient.anonymous(port);
	}

	protected ApiClient as(String user, String password) {
		return ApiClient.as(port, user, password);
	}

	protected int clipRows() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM clip", Integer.class);
	}

	/** Files in the clip store, relative to {@code <data-dir>/clips}. */
	protected List<String> storedFiles() {
		return TestDirs.files(DATA_DIR.resolve("clips"));
	}

	/** Files left in {@code <data-dir>/tmp}, where imports work. */
	protected List<String> workFiles() {
		return TestDirs.files(DATA_DIR.resolve("tmp"));
	}

	protected static byte[] fixture(String name) throws IOException {
		try (InputStream in = IntegrationTest.class.getResourceAsStream("/audio/" + name)) {
			if (in == null) {
				throw new IOException("no fixture " + name);
			}
			return in.readAllBytes();
		}
	}

	protected static Path fixturePath(String name) {
		try {
			return Path.of(IntegrationTest.class.getResource("/audio/" + name).toURI());
		}
		catch (java.net.URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
