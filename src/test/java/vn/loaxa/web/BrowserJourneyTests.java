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
 * clips through the form, approve them, see them queued, add a slot a minute ahead, see the preview,
 * watch it air into the file sink, see the log, download the quarterly XLSX and read it. Screenshots of each page go to
 * {@code target/screenshots/}, at the office PC's 1366 px and the phone's 360 px. Without chromium
 * the test is skipped with the install line ({@link vn.loaxa.support.Requires#chromium()}, checked
 * before the application starts; fails with CI=true).
 */
@vn.loaxa.support.Requires.Present(vn.loaxa.support.Requires.Os.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

	static final Path SHOTS = Path.of("target/screenshots");

	static final Path dataDir = vn.loaxa.support.TestDirs.create("browserjourney");

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", dataDir::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> dataDir.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> SCHEDULES.toString());
		registry.add("loaxa.audio.sink", () -> "file");
		registry.add("loaxa.playout.pause", () -> "500ms");
		registry.add("loaxa.admin.password", () -> "test-admin-pw");
		registry.add("loaxa.admin.password", () -> "browser-admin-pw");
	}

	static final Path SCHEDULES = writeZones(dataDir.resolve("schedules"));

	static Path writeZones(Path dir) {
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("zones.yaml"), """
					channels:
					  - id: main
					    name: Đường loa chính
					    output: file
					zones:
					  - id: ban-na-lay
					    name: Bản Na Lay
					    channel: main
					""");
			return dir;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() throws Exception {
		Path chromium = vn.loaxa.support.Requires.chromium();
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
	void officerUploadsApprovesSchedulesWatchesItAirAndExportsTheReport() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 800))) {
			Page page = context.newPage();
			page.navigate(url("/clips"));
			assertThat(page).hasURL(url("/login"));
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("01-login.png")));
			page.fill("#username", "admin");
			page.fill("#password", "browser-admin-pw");
			page.click("button[type=submit]");
			assertThat(page.locator("h1")).hasText("Thư viện bản tin");
			// a new installation: the first steps in Vietnamese, until dismissed
			assertThat(page.locator("#first-run")).containsText("Mật khẩu của tài khoản admin");
			page.setViewportSize(360, 740);
			List<String> firstRunWide = overflow(page, 360, "/clips-first-run");
			assertThat(firstRunWide).isEmpty();
			page.setViewportSize(1366, 800);
			page.click("#first-run-dismiss");
			assertThat(page.locator("#first-run")).hasCount(0);
			page.navigate(url("/queue"));
			assertThat(page.locator("#first-run")).hasCount(0);

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

			// a slot for Bản Na Lay at the next whole minute at least 25 s away
			java.time.ZoneId commune = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
			java.time.ZonedDateTime now = java.time.ZonedDateTime.now(commune);
			java.time.ZonedDateTime start = now.plusSeconds(25).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1);
			page.navigate(url("/zones/slots/new"));
			page.selectOption("#target", "ban-na-lay");
			page.fill("#name", "Bản tin thử nghiệm");
			page.fill("#dates", start.toLocalDate().format(Formats.DATE));
			page.fill("#start", start.toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
			page.fill("#length", "2m");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("06-slot-form.png")).setFullPage(true));
			page.click("#slot-form button[type=submit]");
			assertThat(page.locator("body")).containsText("Bản tin thử nghiệm");

			page.navigate(url("/schedule?zone=ban-na-lay&date=" + start.toLocalDate()));
			assertThat(page.locator("#timeline")).containsText("Bản tin sáng: Chuyển đổi số");
			assertThat(page.locator("#timeline")).containsText(start.toLocalTime().format(
					java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("07-preview.png")).setFullPage(true));

			// watch it air: the log fills in as the clips end
			String day = start.toLocalDate().format(Formats.DATE);
			long deadline = System.currentTimeMillis() + java.time.Duration.between(now, start).toMillis() + 60_000;
			int played = 0;
			while (played < 2 && System.currentTimeMillis() < deadline) {
				page.waitForTimeout(3000);
				page.navigate(url("/broadcasts?from=" + day + "&to=" + day + "&zone=ban-na-lay&outcome=PLAYED"));
				played = page.locator("#log tbody tr").count();
			}
			assertThat(played).as("both clips aired and logged").isEqualTo(2);
			assertThat(page.locator("#log")).containsText("Bản tin sáng: Chuyển đổi số");
			assertThat(page.locator("#log .text-decoration-line-through")).hasCount(0); // nothing here was corrected
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("08-log.png")).setFullPage(true));

			try (java.util.stream.Stream<Path> sink = Files.walk(dataDir.resolve("sink"))) {
				List<Path> wavs = sink.filter(f -> f.toString().endsWith(".wav")).toList();
				assertThat(wavs).as("programme recorded by the file sink").hasSize(1);
				javax.sound.sampled.AudioFileFormat wav = javax.sound.sampled.AudioSystem.getAudioFileFormat(wavs.get(0).toFile());
				double seconds = wav.getFrameLength() / wav.getFormat().getFrameRate();
				assertThat(seconds).as("3.0 s + 0.5 s pause + 2.5 s").isBetween(5.9, 6.1);
			}

			page.navigate(url("/reports?period=" + start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3)));
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("09-report.png")).setFullPage(true));
			com.microsoft.playwright.Download download = page.waitForDownload(
					() -> page.locator("#downloads a", new Page.LocatorOptions().setHasText("XLSX")).click());
			Path xlsx = dataDir.resolve("q.xlsx");
			download.saveAs(xlsx);
			try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
					Files.newInputStream(xlsx))) {
				List<String> cells = new java.util.ArrayList<>();
				book.getSheets().forEach(sheet -> {
					try (java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
						rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue())));
					}
					catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				});
				assertThat(cells).contains("Bản tin sáng: Chuyển đổi số", "Khẩu hiệu: Nhanh hơn, gần dân hơn");
			}

			// a plan with a long target name: the target chart's labels must wrap, not be cut or widen the page
			page.navigate(url("/reports/plan?year=" + start.getYear()));
			page.fill("#name", "Kế hoạch 45/KH-UBND về tuyên truyền cải cách hành chính và chuyển đổi số");
			page.click("#plan-name button[type=submit]");
			page.fill("#t-name", "Số tin, bài tuyên truyền về chuyển đổi số và cải cách hành chính trên loa");
			page.fill("#t-planned", "150");
			page.click("#target-form button[type=submit]");
			assertThat(page.locator("#targets")).containsText("Số tin, bài tuyên truyền về chuyển đổi số");
			page.navigate(url("/clips"));
			String clip = page.locator("#library tbody tr a").first().getAttribute("href");
			List<String> pages = List.of("/", "/clips", clip, "/queue", "/clips/upload", "/schedule", "/on-air", "/zones", "/zones/plan",
					"/zones/slots/new", "/broadcasts", "/reports", "/reports?period=" + start.getYear(), "/reports/plan",
					"/settings", "/users", "/audit", "/clips/999999");
			List<String> tooWide = new java.util.ArrayList<>();
			for (int width : new int[] { 1366, 360 }) {
				page.setViewportSize(width, width == 360 ? 740 : 800);
				for (String path : pages) {
					page.navigate(url(path));
					tooWide.addAll(overflow(page, width, path));
				}
			}
			try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740))) {
				Page login = phone.newPage();
				login.navigate(url("/login"));
				tooWide.addAll(overflow(login, 360, "/login"));
			}
			assertThat(tooWide).as("pages wider than the screen (no sideways scrolling)").isEmpty();
		}
	}

	/**
	 * The page's sideways scrolling at this width, if any (a table scrolling inside its own box is fine): the
	 * document must be no wider than the window; a screenshot of each page goes to {@link #SHOTS}.
	 */
	private static List<String> overflow(Page page, int width, String path) {
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		int over = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
		String name = (width + path).replaceAll("[^A-Za-z0-9]+", "-");
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("w" + name + ".png")).setFullPage(true));
		return over > 0 ? List.of(path + " at " + width + " px: " + over + " px too wide") : List.of();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
