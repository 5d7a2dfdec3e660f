package vn.loaxa.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * A hand-built log covering every kind, topic, zone and outcome, with records on both sides of the
 * statutory cut-off (14/03 23:59 and 15/03 00:00 local time) and two corrections. The expected
 * figures in the tests are computed by hand from the table in {@link #load}.
 */
final class ReportFixture {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final String BNL = "ban-na-lay";
	static final String TDP = "to-dan-pho-1";
	static final String THC = "thon-hua-ca";

	record Clip(long id, String title, ClipKind kind, Topic topic, long ms) {
	}

	static final Clip C1 = new Clip(1, "Thủ tục đăng ký khai sinh trực tuyến", ClipKind.NEWS, Topic.PROCEDURES, 60_000);
	static final Clip C2 = new Clip(2, "Chuyển đổi số: thanh toán không dùng tiền mặt", ClipKind.ARTICLE,
			Topic.DIGITAL_TRANSFORMATION, 120_000);
	static final Clip C3 = new Clip(3, "Phóng sự: Luật Tổ chức chính quyền địa phương", ClipKind.REPORTAGE,
			Topic.INSTITUTIONS, 300_000);
	static final Clip C4 = new Clip(4, "Khẩu hiệu: Tinh gọn bộ máy; hiệu lực, hiệu quả", ClipKind.SLOGAN,
			Topic.APPARATUS, 30_000);
	static final Clip C5 = new Clip(5, "Thông báo lịch tiếp công dân \"tháng 3\"", ClipKind.ANNOUNCEMENT,
			Topic.CIVIL_SERVICE, 45_000);
	static final Clip C6 = new Clip(6, "Tin công khai ngân sách xã", ClipKind.NEWS, Topic.PUBLIC_FINANCE, 90_000);
	static final Clip C7 = new Clip(7, "Bài: Dịch vụ công trực tuyến toàn trình", ClipKind.ARTICLE,
			Topic.DIGITAL_GOVERNMENT, 150_000);
	static final Clip C8 = new Clip(8, "Khẩu hiệu: Giữ gìn vệ sinh thôn bản", ClipKind.SLOGAN, Topic.OTHER, 20_000);
	static final Clip C9 = new Clip(9, "Bài: Ứng dụng VNeID mức độ 2", ClipKind.ARTICLE, Topic.DIGITAL_TRANSFORMATION,
			180_000);

	private ReportFixture() {
	}

	static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(HCM).toInstant();
	}

	/**
	 * <pre>
	 *  #  zone  scheduled (local)   clip outcome       start offset
	 *  1  BNL   2025-12-15 00:00    C1   PLAYED        +10 s   first instant of 2026-Q1-statutory
	 *  2  TDP   2026-01-05 05:30    C1   PLAYED        +120 s  late
	 *  3  BNL   2026-01-05 05:30    C2   PLAYED        +5 s
	 *  4  THC   2026-02-10 17:00    C2   PLAYED        0
	 *  5  BNL   2026-02-10 17:00    C3   PLAYED        +60 s   on time, at the tolerance
	 *  6  TDP   2026-03-01 05:30    C4   PLAYED        -90 s   early
	 *  7  THC   2026-03-14 23:59    C5   PLAYED        +1 s    last minute of Q1-statutory
	 *  8  BNL   2026-02-20 05:30    C6   PARTIAL
	 *  9  BNL   2026-02-21 05:30    C7   INTERRUPTED   "Mất điện"
	 * 10  TDP   2026-02-22 05:30    —    MISSED        "Máy tính tắt"
	 * 11  THC   2026-02-23 05:30    C8   FAILED        "Không tìm thấy tệp"
	 * 12  BNL   2026-02-24 05:30    C9   PLAYED, corrected to FAILED "Loa hỏng, phát lại sau"
	 * 13  BNL   2026-01-20 17:00    C8   FAILED,  corrected to PLAYED on time
	 * 14  BNL   2026-03-15 00:00    C2   PLAYED        first instant of 2026-Q2-statutory
	 * 15  TDP   2026-04-02 05:30    C9   PLAYED
	 * 16  BNL   2025-12-14 23:59    C1   PLAYED        last minute of 2025-statutory
	 * </pre>
	 */
	static void load(BroadcastLog log) {
		log.append(played(BNL, C1, "2025-12-15T00:00", 10));
		log.append(played(TDP, C1, "2026-01-05T05:30", 120));
		log.append(played(BNL, C2, "2026-01-05T05:30", 5));
		log.append(played(THC, C2, "2026-02-10T17:00", 0));
		log.append(played(BNL, C3, "2026-02-10T17:00", 60));
		log.append(played(TDP, C4, "2026-03-01T05:30", -90));
		log.append(played(THC, C5, "2026-03-14T23:59", 1));
		log.append(notPlayed(BNL, C6, "2026-02-20T05:30", Outcome.PARTIAL, "Cắt bớt vì hết khung giờ", 40_000));
		log.append(notPlayed(BNL, C7, "2026-02-21T05:30", Outcome.INTERRUPTED, "Mất điện", 12_000));
		log.append(notPlayed(TDP, null, "2026-02-22T05:30", Outcome.MISSED, "Máy tính tắt", 0));
		log.append(notPlayed(THC, C8, "2026-02-23T05:30", Outcome.FAILED, "Không tìm thấy tệp", 0));
		BroadcastRecord wronglyPlayed = log.append(played(BNL, C9, "2026-02-24T05:30", 0));
		log.correct(wronglyPlayed.id(),
				notPlayed(BNL, C9, "2026-02-24T05:30", Outcome.FAILED, "Loa hỏng, phát lại sau", 0), "canbo");
		BroadcastRecord wronglyFailed = log
			.append(notPlayed(BNL, C8, "2026-01-20T17:00", Outcome.FAILED, "Không tìm thấy tệp", 0));
		log.correct(wronglyFailed.id(), played(BNL, C8, "2026-01-20T17:00", 0), "canbo");
		log.append(played(BNL, C2, "2026-03-15T00:00", 0));
		log.append(played(TDP, C9, "2026-04-02T05:30", 0));
		log.append(played(BNL, C1, "2025-12-14T23:59", 0));
	}

	static Airing played(String zone, Clip clip, String scheduled, int offsetSeconds) {
		Instant at = local(scheduled);
		Instant start = at.plusSeconds(offsetSeconds);
		return Airing.of(zone, "Bản tin sáng")
			.clip(clip.id(), sha(clip), clip.title(), clip.kind(), clip.topic())
			.scheduled(at)
			.started(start)
			.ended(start.plusMillis(clip.ms()))
			.playedMs(clip.ms())
			.dueMs(clip.ms())
			.outcome(Outcome.PLAYED)
			.build();
	}

	static Airing notPlayed(String zone, Clip clip, String scheduled, Outcome outcome, String reason, long playedMs) {
		Instant at = local(scheduled);
		Instant start = playedMs > 0 ? at : null;
		return Airing.of(zone, "Bản tin sáng")
			.clip(clip == null ? null : clip.id(), clip == null ? null : sha(clip), clip == null ? null : clip.title(),
					clip == null ? null : clip.kind(), clip == null ? null : clip.topic())
			.scheduled(at)
			.started(start)
			.ended(start == null ? null : start.plusMillis(playedMs))
			.playedMs(playedMs)
			.dueMs(clip == null ? 0 : clip.ms())
			.outcome(outcome)
			.reason(reason)
			.build();
	}

	static String sha(Clip clip) {
		return String.valueOf(clip.id()).repeat(64).substring(0, 64);
	}
}
