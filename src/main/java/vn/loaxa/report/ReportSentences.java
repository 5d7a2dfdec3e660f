package vn.loaxa.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.loaxa.broadcast.Outcome;
import vn.loaxa.web.Formats;

/**
 * The filed report's prose: Vietnamese sentences written from the report's figures (the same
 * figures every format shows), numbers in Vietnamese style ({@link VnNumbers}).
 */
final class ReportSentences {

	private static final Locale VI = ReportLabels.VIETNAMESE;

	private final ReportLabels labels;

	ReportSentences(ReportLabels labels) {
		this.labels = labels;
	}

	/** "quý I năm 2026", "6 tháng đầu năm 2026", statutory ones with their dates. */
	static String periodPhrase(ReportPeriod period) {
		String code = period.code();
		String year = code.length() >= 4 ? code.substring(0, 4) : String.valueOf(period.planYear());
		String dates = "từ ngày " + Formats.date(period.from()) + " đến ngày " + Formats.date(period.to());
		return switch (period.type()) {
			case MONTH -> "tháng " + Integer.parseInt(code.substring(5, 7)) + " năm " + year;
			case QUARTER -> "quý " + roman(code.charAt(6)) + " năm " + year;
			case STATUTORY_QUARTER -> "quý " + roman(code.charAt(6)) + " năm " + year + " (" + dates + ")";
			case HALF -> (code.charAt(6) == '1' ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
			case STATUTORY_HALF -> "6 tháng đầu năm " + year + " (" + dates + ")";
			case YEAR -> "năm " + year;
			case STATUTORY_YEAR -> "năm " + year + " (" + dates + ")";
			case CUSTOM -> dates;
		};
	}

	private static String roman(char digit) {
		return new String[] { "", "I", "II", "III", "IV" }[digit - '0'];
	}

	/** "Trong kỳ, Đài truyền thanh xã đã phát 45 tin, bài, gồm …; tổng thời lượng 380 phút; 1.240 lượt phát tại 6 cụm loa; …" */
	String totals(ReportFigures f) {
		ReportFigures.Totals t = f.totals();
		List<String> kinds = f.byKind().stream().filter(k -> k.clips() > 0)
			.map(k -> VnNumbers.count(k.clips()) + " " + lower(labels.of(k.kind(), "kind."))).toList();
		return "Trong kỳ, Đài truyền thanh xã đã phát " + VnNumbers.count(t.clips()) + " tin, bài"
				+ (kinds.isEmpty() ? "" : ", gồm " + String.join(", ", kinds)) + "; tổng thời lượng "
				+ VnNumbers.decimal(t.minutes()) + " phút; " + VnNumbers.count(t.airings()) + " lượt phát tại "
				+ VnNumbers.count(f.byZone().size()) + " cụm loa; tỷ lệ phát đúng giờ " + VnNumbers.percent(t.onTimeRate() * 100)
				+ ".";
	}

	/**
	 * Tiếp sóng, apart from the commune's own tin, bài: "Tiếp sóng 12 giờ 30 phút (VOV1 - Thời sự: 40 lượt,
	 * 10 giờ; …); mất sóng 3 lần, 25 phút." Null when nothing was relayed or due to be.
	 */
	String relays(ReportFigures f) {
		if (f.relays().isEmpty()) {
			return null;
		}
		RelayTotal total = RelayTotal.of(f.relays());
		List<String> each = f.relays().stream().map(r -> r.name() + ": " + VnNumbers.count(r.airings()) + " lượt, "
				+ VnNumbers.hoursAndMinutes(r.minutes())).toList();
		String lost = total.outages() > 0
				? "; mất sóng " + VnNumbers.count(total.outages()) + " lần, " + VnNumbers.hoursAndMinutes(total.lostMinutes())
				: total.lostMinutes() > 0 ? "; không tiếp sóng được " + VnNumbers.hoursAndMinutes(total.lostMinutes()) : "";
		return "Tiếp sóng " + VnNumbers.hoursAndMinutes(total.minutes()) + " (" + String.join("; ", each) + ")" + lost
				+ ".";
	}

	/** One clause per topic that aired: "chuyển đổi số 3 tin, bài (7 lượt phát, 12,5 phút)". */
	String topics(ReportFigures f) {
		List<ReportFigures.TopicRow> aired = f.byTopic().stream().filter(r -> r.airings() > 0 || r.clips() > 0).toList();
		if (aired.isEmpty()) {
			return "Trong kỳ chưa phát tin, bài theo lĩnh vực nào.";
		}
		List<String> parts = aired.stream().map(r -> lower(labels.of(r.topic(), "topic.")) + " "
				+ VnNumbers.count(r.clips()) + " tin, bài (" + VnNumbers.count(r.airings()) + " lượt phát, "
				+ VnNumbers.decimal(r.minutes()) + " phút)").toList();
		return "Theo lĩnh vực: " + String.join("; ", parts) + ".";
	}

	String zones(Report report) {
		if (report.figures().byZone().isEmpty()) {
			return "Trong kỳ chưa có cụm loa nào phát.";
		}
		List<String> parts = report.figures().byZone().stream().map(z -> report.zoneName(z.zone()) + " "
				+ VnNumbers.count(z.airings()) + " lượt phát (" + VnNumbers.decimal(z.minutes()) + " phút)").toList();
		return "Theo cụm loa: " + String.join("; ", parts) + ".";
	}

	/** "Chỉ tiêu «150 tin, bài»: thực hiện 45/150, đạt 30,0% kế hoạch của kỳ." */
	String target(ReportFigures.TargetRow t) {
		return "Chỉ tiêu «" + t.name() + "»: thực hiện " + VnNumbers.count(t.done()) + "/" + VnNumbers.count(t.planned())
				+ ", đạt " + VnNumbers.percent(t.percent()) + " kế hoạch của kỳ.";
	}

	/** What did not air and why: the counts by outcome, then each reason with its count. */
	String problems(ReportFigures f) {
		ReportFigures.Totals t = f.totals();
		long all = t.partial() + t.interrupted() + t.missed() + t.failed();
		if (all == 0) {
			return "Trong kỳ không có lượt phát nào bị cắt, ngắt, lỡ hay lỗi.";
		}
		List<String> counts = new ArrayList<>();
		add(counts, t.partial(), Outcome.PARTIAL);
		add(counts, t.interrupted(), Outcome.INTERRUPTED);
		add(counts, t.missed(), Outcome.MISSED);
		add(counts, t.failed(), Outcome.FAILED);
		List<String> reasons = f.problems().stream().map(p -> lower(p.reason().isBlank() ? "không rõ lý do" : p.reason())
				+ " (" + lower(labels.of(p.outcome(), "outcome.")) + "): " + VnNumbers.count(p.count()) + " lượt").toList();
		return "Có " + VnNumbers.count(all) + " lượt không phát trọn vẹn: " + String.join(", ", counts)
				+ ". Nguyên nhân: " + String.join("; ", reasons) + ".";
	}

	private void add(List<String> counts, long n, Outcome outcome) {
		if (n > 0) {
			counts.add(VnNumbers.count(n) + " lượt " + lower(labels.of(outcome, "outcome.")));
		}
	}

	/** One sentence for a target the forecast puts behind: where it stands, where it heads, what it needs. */
	String behind(String name, Measure measure, TargetForecast f, java.time.LocalDate today) {
		String unit = switch (measure) {
			case CLIPS -> " tin, bài";
			case AIRINGS -> " lượt phát";
			case RELAY_MINUTES -> " phút tiếp sóng";
		};
		String slots = f.help() == null || f.help().slots().isEmpty() ? ""
				: ", có thể tăng ở các khung giờ " + String.join(", ", f.help().slots().stream()
					.map(s -> "«" + s.slot() + "» (" + s.zone() + ", " + s.daysPerWeek() + " ngày/tuần)").toList());
		return "Chỉ tiêu «" + name + "»: đến ngày " + Formats.date(today) + " đã thực hiện " + VnNumbers.count(f.done())
				+ "/" + VnNumbers.count(f.planned()) + unit + ", bình quân " + VnNumbers.decimal(f.pacePerWeek())
				+ " mỗi tuần; theo tốc độ này đến ngày " + Formats.date(f.periodEnd()) + " ước đạt "
				+ VnNumbers.count(f.projected()) + unit + ", thiếu " + VnNumbers.count(f.help().shortfall())
				+ (today.isBefore(f.periodEnd()) ? "" : "; năm kế hoạch đã kết thúc.") + (today.isBefore(f.periodEnd())
						? neededClause(unit, f, slots) : "");
	}

	private static String neededClause(String unit, TargetForecast f, String slots) {
		return "; cần bình quân " + VnNumbers.decimal(f.neededPerWeek()) + unit + " mỗi tuần từ nay đến cuối năm (thêm "
				+ VnNumbers.decimal(f.help().extraPerWeek()) + " mỗi tuần)" + slots + ".";
	}

	static String lower(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(VI) + text.substring(1);
	}
}
