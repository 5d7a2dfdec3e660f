package vn.loaxa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestDirs;

/**
 * What every test of a running LoaXa needs: API clients on the random port, and a look at what
 * is stored (rows, files in the clip store, leftovers in the work dir). The Spring context itself
 * comes from the subclass: {@link IntegrationTest} for the shared one.
 */
public abstract class ApiTestSupport {

	public static final String ADMIN = "admin";
	public static final String ADMIN_PASSWORD = "mat-khau-thu-nghiem";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected ApiClient admin;
	protected ApiClient anonymous;

	/** The {@code loaxa.data-dir} of this test's context. */
	protected abstract Path dataDir();

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
		return TestDirs.files(dataDir().resolve("clips"));
	}

	/** Files left in {@code <data-dir>/tmp}, where imports work. */
	protected List<String> workFiles() {
		return TestDirs.files(dataDir().resolve("tmp"));
	}

	public static byte[] fixture(String name) throws IOException {
		try (InputStream in = ApiTestSupport.class.getResourceAsStream("/audio/" + name)) {
			if (in == null) {
				throw new IOException("no fixture " + name);
			}
			return in.readAllBytes();
		}
	}

	public static Path fixturePath(String name) {
		try {
			return Path.of(ApiTestSupport.class.getResource("/audio/" + name).toURI());
		}
		catch (java.net.URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
