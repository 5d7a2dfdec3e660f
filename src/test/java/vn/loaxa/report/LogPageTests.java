package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.LogFilter;
import vn.loaxa.broadcast.LogPage;
import vn.loaxa.broadcast.LogSearch;
import vn.loaxa.broadcast.Outcome;

/** The log page over the fixture: filters, early/late markers, keyset paging both ways, chain check. */
class LogPageTests extends ReportTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	LogSearch search;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void scheduledAndActualTimesWithMarkers() throws Exception {
		mvc.perform(get("/broadcasts").param("from", "01/01/2026").param("to", "14/03/2026")
			.param("zone", "to-dan-pho-1").with(user("canbo").roles("OFFICER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("05:32:00")))
			.andExpect(content().string(containsString("muộn 02:00")))
			.andExpect(content().string(containsString("sớm 01:30")))
			.andExpect(content().string(containsString("Máy tính tắt")))
			.andExpect(content().string(not(containsString("ban-na-lay</td>"))));
		mvc.perform(get("/broadcasts").param("from", "14/03/2026").param("to", "14/03/2026")
			.with(user("canbo").roles("OFFICER")))
			.andExpect(content().string(containsString("23:59:00")))
			.andExpect(content().string(containsString("đúng giờ")))
			.andExpect(content().string(not(containsString("15/03/2026</td>"))));
		mvc.perform(get("/broadcasts").param("from", "01/02/2026").param("to", "28/02/2026").param("outcome", "FAILED")
			.with(user("canbo").roles("OFFICER")))
			.andExpect(content().string(containsString("Loa hỏng, phát lại sau")))
			.andExpect(content().string(containsString("Đính chính bản ghi số")))
			.andExpect(content().string(not(containsString("Mất điện"))));
		mvc.perform(get("/broadcasts").param("from", "32/01/2026").with(user("canbo").roles("OFFICER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Ngày không hợp lệ")));
		mvc.perform(get("/broadcasts").param("outcome", "DELETED").with(user("canbo").roles("OFFICER")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void keysetPagingVisitsEveryRecordOnceInOrderBothWays() {
		LogFilter all = new LogFilter(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
				null, null, null, null);
		List<BroadcastRecord> forward = new ArrayList<>();
		List<LogPage> pages = new ArrayList<>();
		LogPage page = search.page(all, null, null, 4);
		assertThat(page.previous()).isNull();
		while (true) {
			pages.add(page);
			page.entries().forEach(e -> forward.add(e.record()));
			if (page.next() == null) {
				break;
			}
			page = search.page(all, page.next(), null, 4);
		}
		assertThat(forward).hasSizeGreaterThanOrEqualTo(18);
		assertThat(forward).isSortedAccordingTo(Comparator.comparing((BroadcastRecord r) -> r.airing().scheduledStart())
			.thenComparingLong(BroadcastRecord::id));
		assertThat(forward.stream().map(BroadcastRecord::id).distinct()).hasSameSizeAs(forward);

		// back from the last page to the first, by the previous cursors
		LogPage back = pages.get(pages.size() - 1);
		for (int i = pages.size() - 2; i >= 0; i--) {
			back = search.page(all, null, back.previous(), 4);
			assertThat(back.entries()).extracting(e -> e.record().id())
				.containsExactlyElementsOf(pages.get(i).entries().stream().map(e -> e.record().id()).toList());
		}
		assertThat(back.previous()).isNull();

		LogFilter missed = new LogFilter(all.from(), all.to(), null, null, null, Outcome.MISSED);
		assertThat(search.page(missed, null, null, 10).entries()).hasSize(1);
	}

	@Test
	void theChainCheckButton() throws Exception {
		mvc.perform(post("/broadcasts/verify").with(user("canbo").roles("OFFICER")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("info", containsString("Chuỗi nhật ký nguyên vẹn")));
		Long id = jdbc.queryForObject("SELECT MIN(id) FROM broadcast_record WHERE outcome = 'MISSED'", Long.class);
		// since V7 the database refuses the edit: a tamperer takes the triggers off first
		vn.loaxa.support.LogTamperer.withTriggersOff(jdbc, () -> {
			jdbc.update("UPDATE broadcast_record SET reason = 'Đã phát' WHERE id = ?", id);
			try {
				mvc.perform(post("/broadcasts/verify").with(user("canbo").roles("OFFICER")).with(csrf()))
					.andExpect(flash().attribute("error", containsString("bản ghi số " + id)))
					.andExpect(flash().attribute("error", containsString("nội dung đã bị sửa")));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			finally {
				jdbc.update("UPDATE broadcast_record SET reason = 'Máy tính tắt' WHERE id = ?", id);
			}
		});
		assertThat(log.verify().intact()).isTrue();
	}
}
