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

import vn.loaxa.support.Requires;

/**
 * The "Nhập văn bản" form in a real browser with the real espeak-ng: a typed notice becomes a clip
 * whose page shows the text; a text of symbols is refused on the page. At 1366 px and 360 px (no
 * horizontal overflow), screenshots under {@code target/screenshots/}.
 */
@Requires.Present({ Requires.Os.CHROMIUM, Requires.Os.ESPEAK_NG })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TextBulletinBrowserTests {

	static final Path SHOTS = Path.of("target/screenshots");
	static final Path dataDir = vn.loaxa.support.TestDirs.create("tts-browser");

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", dataDir::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> dataDir.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> dataDir.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> "tts-browser-pw");
		registry.add("loaxa.tts.engine", () -> "espeak-ng");
	}

	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() throws Exception {
		Path chromium = Requires.chromium();
		Files.createDirectories(SHOTS);
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
			.setExecutablePath(chromium)
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
	void anOfficerTypesANoticeAndHearsItAsAClip() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 800))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.fill("#username", "admin");
			page.fill("#password", "tts-browser-pw");
			page.click("button[type=submit]");

			page.navigate(url("/clips/upload"));
			assertThat(page.locator("#text-heading")).hasText("Nhập văn bản");
			page.fill("#text-title", "Thông báo thu thuế đất");
			page.fill("#text-text", "*** ///");
			page.click("#text-submit");
			assertThat(page.locator("#text-error")).containsText("chỉ có ký hiệu");

			page.fill("#text-text", "UBND xã thông báo: từ 1/4/2026 đến 30/4/2026, bà con nộp thuế sử dụng đất tại "
					+ "bộ phận một cửa, sáng từ 7h30 đến 11h30.");
			page.selectOption("#text-kind", "ANNOUNCEMENT");
			page.selectOption("#text-topic", "PUBLIC_FINANCE");
			page.selectOption("#text-priority", "HIGH");
			page.fill("#text-validUntil", "30/04/2026");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tts-01-form.png")).setFullPage(true));
			page.click("#text-submit");

			assertThat(page.locator("#clip-title")).hasText("Thông báo thu thuế đất");
			assertThat(page.locator("#clip-text")).containsText("bộ phận một cửa, sáng từ 7h30 đến 11h30.");
			assertThat(page.locator("#clip-status")).hasText("Chờ duyệt");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tts-02-clip.png")).setFullPage(true));
			String clipPath = page.url().substring(url("").length());

			page.setViewportSize(360, 740);
			for (String path : List.of("/clips/upload", clipPath)) {
				page.navigate(url(path));
				int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
				assertThat(overflow).as("horizontal overflow at 360 px on %s", path).isLessThanOrEqualTo(0);
				page.screenshot(new Page.ScreenshotOptions()
					.setPath(SHOTS.resolve("tts-phone" + path.replace('/', '-') + ".png")).setFullPage(true));
			}
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
