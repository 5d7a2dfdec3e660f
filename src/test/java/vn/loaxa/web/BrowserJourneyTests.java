package vn.loaxa.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The officer's day in a real browser (Debian's chromium driven by Playwright): log in, upload two
 * clips through the form, approve them, see them queued. Screenshots of each page go to
 * {@code target/screenshots/}, at the office PC's 1366 px and the phone's 360 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

	static final Path SHOTS = Path.of("target/screenshots");

	static final Path dataDir = vn.loaxa.support.TestDirs.create("browserjourney");

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", dataDir::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> dataDir.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> dataDir.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> "test-admin-pw");
		registry.add("loaxa.admin.password", () -> "browser-admin-pw");
	}

	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() throws Exception {
		Files.createDirectories(SHOTS);
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
			.setExecutablePath(Path.of(System.getProperty("loaxa.chromium", "/usr/bin/chromium")))
			.setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--no-first-run", "--disable-gpu")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void officerUploadsApprovesAndSeesTheQueue() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 800))) {
			Page page = context.newPage();
			page.navigate(url("/clips"));
			assertThat(page).hasURL(url("/login"));
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("01-login.png")));
			page.fill("#username", "admin");
			page.fill("#password", "browser-admin-pw");
			page.click("button[type=submit]");
			assertThat(page.locator("h1")).hasText("Thư viện bản tin");

			page.navigate(url("/clips/upload"));
			page.setInputFiles("#files", new Path[] { Path.of("src/test/resources/audio/cbr-mpeg1-id3v23.mp3"),
					Path.of("src/test/resources/audio/tone.ogg") });
			page.selectOption("#kind", "NEWS");
			page.selectOption("#topic", "DIGITAL_TRANSFORMATION");
			page.click("#upload-form button[type=submit]");
			assertThat(page.locator("#upload-progress .text-success")).hasCount(2);
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("02-upload.png")).setFullPage(true));

			page.navigate(url("/clips"));
			assertThat(page.locator("#library tbody tr")).hasCount(2);
			assertThat(page.locator("#library")).containsText("Bản tin sáng: Chuyển đổi số");
			assertThat(page.locator("#library")).containsText("Chờ duyệt");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("03-library.png")).setFullPage(true));

			for (int i = 0; i < 2; i++) {
				page.navigate(url("/clips?status=PENDING"));
				page.locator("#library tbody tr a").first().click();
				page.click("#approve");
				assertThat(page.locator("#clip-status")).hasText("Đã duyệt");
			}
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("04-clip.png")).setFullPage(true));

			page.navigate(url("/queue"));
			assertThat(page.locator("#queue tbody tr")).hasCount(2);
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("05-queue.png")).setFullPage(true));

			page.setViewportSize(360, 740);
			for (String path : List.of("/clips", "/queue", "/clips/upload")) {
				page.navigate(url(path));
				int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
				assertThat(overflow).as("horizontal overflow at 360 px on %s", path).isLessThanOrEqualTo(0);
				page.screenshot(new Page.ScreenshotOptions()
					.setPath(SHOTS.resolve("phone" + path.replace('/', '-') + ".png")).setFullPage(true));
			}
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
