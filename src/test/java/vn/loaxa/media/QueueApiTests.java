package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.loaxa.IntegrationTest;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;

/** Upload → approve → queue, through the API: who is in the queue on a date, and in which order. */
class QueueApiTests extends IntegrationTest {

	@Autowired
	ClipLibrary library;

	@Autowired
	LoaxaClock clock;

	private long upload(String title, Map<String, String> fields) throws Exception {
		Map<String, String> all = new HashMap<>(fields);
		all.put("title", title);
		ApiClient.Response response = admin.upload(title + ".mp3", TestAudio.uniqueMp3(2, null), all);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().path("status").asText()).isEqualTo("PENDING");
		return response.id();
	}

	private void approve(long id) throws Exception {
		ApiClient.Response response = admin.post("/api/clips/" + id + "/approve");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("status").asText()).isEqualTo("APPROVED");
		assertThat(response.json().path("reviewedBy").asText()).isEqualTo(ADMIN);
	}

	/** The queue on a date, as clip ids in taking order, keeping only the given ones. */
	private List<Long> queue(LocalDate date, Set<Long> ours) throws Exception {
		ApiClient.Response response = admin.get("/api/queue?date=" + date);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("date").asText()).isEqualTo(date.toString());
		assertThat(response.json().path("totalMinutes").isNumber()).isTrue();
		List<Long> ids = new ArrayList<>();
		for (JsonNode clip : response.json().path("clips")) {
			assertThat(clip.path("status").asText()).isEqualTo("APPROVED");
			if (ours.contains(clip.path("id").asLong())) {
				ids.add(clip.path("id").asLong());
			}
		}
		return ids;
	}

	@Test
	void priorityThenLeastAiredThenOldest() throws Exception {
		long normalAiredTwice = upload("Tin thường đã phát hai lần", Map.of("priority", "NORMAL"));
		long normalOld = upload("Tin thường cũ", Map.of());
		long normalNew = upload("Tin thường mới", Map.of("priority", "normal"));
		long high = upload("Thông báo ưu tiên", Map.of("priority", "HIGH", "kind", "ANNOUNCEMENT"));
		long emergency = upload("Thông báo khẩn cấp", Map.of("priority", "EMERGENCY", "kind", "ANNOUNCEMENT"));
		long pending = upload("Tin chờ duyệt", Map.of("priority", "EMERGENCY"));
		for (long id : List.of(normalAiredTwice, normalOld, normalNew, high, emergency)) {
			approve(id);
		}
		library.countAiring(normalAiredTwice);
		library.countAiring(normalAiredTwice);
		for (int i = 0; i < 5; i++) {
			library.countAiring(high);
		}
		for (int i = 0; i < 9; i++) {
			library.countAiring(emergency);
		}
		assertThat(admin.get("/api/clips/" + normalAiredTwice).json().path("airCount").asInt()).isEqualTo(2);

		List<Long> order = queue(clock.today(),
				Set.of(normalAiredTwice, normalOld, normalNew, high, emergency, pending));

		assertThat(order).containsExactly(emergency, high, normalOld, normalNew, normalAiredTwice);
		ApiClient.Response today = admin.get("/api/queue");
		assertThat(today.json().path("date").asText()).isEqualTo(clock.today().toString());
	}

	@Test
	void onlyClipsInsideTheirValidityWindowAreQueued() throws Exception {
		LocalDate today = clock.today();
		long expired = upload("Thông báo đã hết hạn", Map.of("validFrom", today.minusDays(10).toString(), "validUntil",
				today.minusDays(1).toString()));
		long future = upload("Thông báo chưa đến ngày", Map.of("validFrom", today.plusDays(3).toString()));
		long lastDay = upload("Thông báo hết hạn hôm nay", Map.of("validUntil", today.toString()));
		long firstDay = upload("Thông báo bắt đầu hôm nay",
				Map.of("validFrom", Formats_ddMMyyyy(today), "validUntil", Formats_ddMMyyyy(today.plusDays(30))));
		for (long id : List.of(expired, future, lastDay, firstDay)) {
			approve(id);
		}
		Set<Long> ours = Set.of(expired, future, lastDay, firstDay);

		assertThat(queue(today, ours)).containsExactly(lastDay, firstDay);
		assertThat(queue(today.minusDays(5), ours)).containsExactly(expired, lastDay);
		assertThat(queue(today.plusDays(3), ours)).containsExactly(future, firstDay);
		assertThat(admin.get("/api/clips/" + expired).json().path("validUntil").asText())
			.isEqualTo(today.minusDays(1).toString());
	}

	private static String Formats_ddMMyyyy(LocalDate date) {
		return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	@Test
	void rejectingNeedsAReasonAndTakesTheClipOutOfTheQueue() throws Exception {
		long id = upload("Tin sẽ bị từ chối", Map.of());
		approve(id);
		assertThat(queue(clock.today(), Set.of(id))).containsExactly(id);

		for (Object body : new Object[] { null, Map.of(), Map.of("reason", "   ") }) {
			ApiClient.Response refused = admin.postJson("/api/clips/" + id + "/reject", body);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.error()).isEqualTo("reason_required");
			assertThat(refused.message()).isEqualTo("Cần nêu lý do từ chối.");
		}
		assertThat(admin.get("/api/clips/" + id).json().path("status").asText()).isEqualTo("APPROVED");

		ApiClient.Response rejected = admin.postJson("/api/clips/" + id + "/reject",
				Map.of("reason", "Nội dung chưa được lãnh đạo xã xem lại"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.json().path("rejectReason").asText()).isEqualTo("Nội dung chưa được lãnh đạo xã xem lại");
		assertThat(queue(clock.today(), Set.of(id))).isEmpty();

		approve(id); // a rejected clip may be approved after all
		assertThat(queue(clock.today(), Set.of(id))).containsExactly(id);
	}

	@Test
	void approvingAnArchivedClipIsAConflict() throws Exception {
		long id = upload("Tin đã lưu trữ", Map.of());
		library.archive(id, "test");

		ApiClient.Response response = admin.post("/api/clips/" + id + "/approve");

		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.error()).isEqualTo("clip_state");
		assertThat(response.message()).contains("Tin đã lưu trữ").contains("không ở trạng thái chờ duyệt");
		assertThat(admin.get("/api/clips/" + id).json().path("status").asText()).isEqualTo("ARCHIVED");
		assertThat(queue(clock.today(), Set.of(id))).isEmpty();
	}

	@Test
	void approvingTwiceIsAConflictAndUnknownClipsAreNotFound() throws Exception {
		long id = upload("Tin duyệt hai lần", Map.of());
		approve(id);
		assertThat(admin.post("/api/clips/" + id + "/approve").status()).isEqualTo(409);

		ApiClient.Response missing = admin.post("/api/clips/987654/approve");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.error()).isEqualTo("clip_not_found");
		assertThat(missing.message()).isEqualTo("Không tìm thấy bản tin số 987654.");
	}

	@Test
	void listingFiltersByStatusKindAndTopic() throws Exception {
		long slogan = upload("Khẩu hiệu tài chính công", Map.of("kind", "SLOGAN", "topic", "PUBLIC_FINANCE"));
		long news = upload("Tin tài chính công", Map.of("kind", "NEWS", "topic", "PUBLIC_FINANCE"));
		approve(news);

		List<Long> slogans = ids(admin.get("/api/clips?kind=SLOGAN&topic=PUBLIC_FINANCE&status=PENDING"));
		assertThat(slogans).contains(slogan).doesNotContain(news);
		List<Long> approved = ids(admin.get("/api/clips?status=APPROVED&topic=PUBLIC_FINANCE"));
		assertThat(approved).contains(news).doesNotContain(slogan);
		assertThat(ids(admin.get("/api/clips?q=khau%20hieu%20tai%20chinh"))).contains(slogan).doesNotContain(news);

		ApiClient.Response bad = admin.get("/api/clips?status=DELETED");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.error()).isEqualTo("invalid_status");
		ApiClient.Response badDate = admin.get("/api/queue?date=2026-13-01");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.error()).isEqualTo("invalid_date");
	}

	private static List<Long> ids(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().forEach(clip -> ids.add(clip.path("id").asLong()));
		return ids;
	}
}
