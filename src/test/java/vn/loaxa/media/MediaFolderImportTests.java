package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.ApiTestSupport;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDirs;

/**
 * The media folder, in a context of its own whose media dir holds a copy of the shipped samples
 * ({@code media/} with its {@code clips.yaml}): imported once at start with the manifest's metadata
 * and approval, the signature tune left out, and never imported twice.
 */
@SpringBootTest(properties = "loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaFolderImportTests {

	private static final Path DATA_DIR = TestDirs.create("media-folder");
	private static final Path MEDIA_DIR = TestDirs.create("media-folder-media");

	static {
		try (Stream<Path> samples = Files.list(Path.of("media"))) {
			for (Path sample : samples.toList()) {
				Files.copy(sample, MEDIA_DIR.resolve(sample.getFileName().toString()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", MEDIA_DIR::toString);
	}

	@Autowired
	ClipLibrary library;

	@Autowired
	MediaFolderImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	private Map<String, Clip> clipsByFile() {
		return library.search(ClipFilter.ALL).stream().collect(Collectors.toMap(Clip::getOriginalName, c -> c));
	}

	@Test
	@Order(1)
	void theSamplesAreImportedAtStartWithTheirManifest() {
		Map<String, Clip> clips = clipsByFile();

		assertThat(clips.keySet()).containsExactlyInAnyOrder("ban-tin-vneid.mp3", "thu-tuc-khai-sinh.mp3",
				"khau-hieu-chuyen-doi-so.mp3", "thong-bao-tiep-cong-dan.mp3", "phong-su-khong-tien-mat.mp3");
		assertThat(clips).doesNotContainKey("nhac-hieu.mp3"); // tune: true, a signature tune, not a clip
		for (Clip clip : clips.values()) {
			assertThat(clip.getStatus()).as(clip.getOriginalName()).isEqualTo(ClipStatus.APPROVED);
			assertThat(clip.getSource()).isEqualTo(ClipSource.MEDIA_DIR);
			assertThat(clip.getUploadedBy()).isEqualTo(MediaFolderImporter.SYSTEM_USER);
			assertThat(clip.getDurationMs()).isPositive();
			assertThat(clip.getTitle()).isNotBlank();
			assertThat(Normalizer.isNormalized(clip.getTitle(), Normalizer.Form.NFC)).isTrue();
			assertThat(Files.isRegularFile(library.canonicalAudio(clip))).isTrue();
			assertThat(Files.isRegularFile(library.originalAudio(clip))).isTrue();
		}
		Clip vneid = clips.get("ban-tin-vneid.mp3");
		assertThat(vneid.getKind()).isEqualTo(ClipKind.NEWS);
		assertThat(vneid.getTopic()).isEqualTo(Topic.DIGITAL_TRANSFORMATION);
		assertThat(vneid.getPriority()).isEqualTo(Priority.NORMAL);
		assertThat(clips.get("thu-tuc-khai-sinh.mp3").getKind()).isEqualTo(ClipKind.ARTICLE);
		assertThat(clips.get("thu-tuc-khai-sinh.mp3").getTopic()).isEqualTo(Topic.PROCEDURES);
		assertThat(clips.get("khau-hieu-chuyen-doi-so.mp3").getKind()).isEqualTo(ClipKind.SLOGAN);
		assertThat(clips.get("phong-su-khong-tien-mat.mp3").getKind()).isEqualTo(ClipKind.REPORTAGE);
		assertThat(clips.get("phong-su-khong-tien-mat.mp3").getTopic()).isEqualTo(Topic.DIGITAL_GOVERNMENT);
		Clip notice = clips.get("thong-bao-tiep-cong-dan.mp3");
		assertThat(notice.getKind()).isEqualTo(ClipKind.ANNOUNCEMENT);
		assertThat(notice.getTopic()).isEqualTo(Topic.CIVIL_SERVICE);
		assertThat(notice.getPriority()).isEqualTo(Priority.HIGH);
		// approved, so a newcomer sees a queue at once: the HIGH notice first
		List<Clip> queue = library.queue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).clips();
		assertThat(queue).hasSize(5);
		assertThat(queue.get(0).getOriginalName()).isEqualTo("thong-bao-tiep-cong-dan.mp3");
	}

	@Test
	@Order(2)
	void aRescanAndARestartImportNothingTwice() throws Exception {
		int rows = rows();
		List<String> stored = TestDirs.files(DATA_DIR.resolve("clips"));

		mvc.perform(post("/clips/rescan").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/clips"))
			.andExpect(flash().attribute("info", "Đã quét thư mục media: 0 tệp mới, 5 đã có, 0 bị từ chối."));
		importer.run(null); // what a restart on the same data dir does

		assertThat(rows()).isEqualTo(rows);
		assertThat(TestDirs.files(DATA_DIR.resolve("clips"))).isEqualTo(stored);
	}

	@Test
	@Order(3)
	void aFileDroppedInIsImportedOnRescanAndABrokenOneIsRefused() throws Exception {
		int rows = rows();
		Files.write(MEDIA_DIR.resolve("tin-moi-them.mp3"), TestAudio.uniqueMp3(1, "Tin mới thêm vào thư mục"));
		Files.copy(ApiTestSupport.fixturePath("not-audio.mp3"), MEDIA_DIR.resolve("hong.mp3"));

		mvc.perform(post("/clips/rescan").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/clips"))
			.andExpect(flash().attribute("info", "Đã quét thư mục media: 1 tệp mới, 5 đã có, 1 bị từ chối."))
			.andExpect(flash().attribute("errors", List.of("hong.mp3: Tệp không phải là âm thanh, hoặc định dạng "
					+ "không được hỗ trợ (MP3, WAV, OGG, M4A, FLAC).")));

		assertThat(rows()).isEqualTo(rows + 1);
		Clip added = clipsByFile().get("tin-moi-them.mp3");
		assertThat(added.getTitle()).isEqualTo("Tin mới thêm vào thư mục");
		assertThat(added.getStatus()).as("not in clips.yaml: waits for approval").isEqualTo(ClipStatus.PENDING);
		assertThat(TestDirs.files(DATA_DIR.resolve("tmp"))).isEmpty();
	}

	private int rows() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM clip", Integer.class);
	}
}
