package vn.loaxa.province.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.province.ProvinceReports;
import vn.loaxa.report.CommuneSettings;
import vn.loaxa.report.CommuneSettingsStore;
import vn.loaxa.report.DecreeHeader;
import vn.loaxa.report.DocxParts;
import vn.loaxa.report.ReportFigures;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.report.VnNumbers;

/**
 * The hub's consolidated report as a Word document in the form of Nghị định 30/2020 (the commune
 * report's title block, from the hub's settings page): a paragraph and a table row per commune, the
 * communes that sent nothing named, and the signer.
 */
@Component
public class ProvinceDocx {

	private final CommuneSettingsStore settings;
	private final LoaxaClock clock;

	ProvinceDocx(CommuneSettingsStore settings, LoaxaClock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	public void write(ProvinceReports.ProvinceReport report, OutputStream out) throws IOException {
		CommuneSettings hub = settings.current();
		ReportPeriod period = ReportPeriod.parse(report.period().code());
		try (XWPFDocument doc = new XWPFDocument()) {
			DocxParts.page(doc);
			DecreeHeader.write(doc, hub, clock.today(), "Tổng hợp kết quả tuyên truyền trên hệ thống loa truyền thanh "
					+ "các xã " + DecreeHeader.periodPhrase(period), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					"Độc lập - Tự do - Hạnh phúc");
			DocxParts.heading(doc, "I. KẾT QUẢ CỦA TỪNG XÃ");
			List<List<String>> rows = new ArrayList<>();
			for (ProvinceReports.CommuneRow c : report.communes()) {
				DocxParts.text(doc, sentence(c));
				rows.add(row(c.name(), c.totals()));
			}
			rows.add(row("Cộng", report.totals()));
			DocxParts.grid(doc, List.of("Xã", "Số tin, bài", "Lượt phát", "Số phút"), rows);
			if (!report.missing().isEmpty()) {
				DocxParts.text(doc, "Các xã chưa gửi báo cáo: " + String.join(", ",
						report.missing().stream().map(ProvinceReports.Missing::name).toList()) + ".");
			}
			DocxParts.text(doc, "Toàn bộ các xã đã phát " + VnNumbers.count(report.totals().clips()) + " tin, bài; "
					+ VnNumbers.count(report.totals().airings()) + " lượt phát; tổng thời lượng "
					+ VnNumbers.decimal(report.totals().minutes()) + " phút.");
			DecreeHeader.signature(doc, hub);
			doc.write(out);
		}
	}

	/** "Xã Na Lay đã phát 3 tin, bài (4 lượt phát, 9,3 phút); chỉ tiêu «150 tin, bài» 1/150 (0,7%)." */
	private static String sentence(ProvinceReports.CommuneRow c) {
		ReportFigures.Totals t = c.totals();
		String targets = c.targets().isEmpty() ? ""
				: "; chỉ tiêu " + String.join(", ", c.targets().stream().map(r -> "«" + r.name() + "» "
						+ VnNumbers.count(r.done()) + "/" + VnNumbers.count(r.planned()) + " ("
						+ VnNumbers.percent(r.percent()) + ")").toList());
		return c.name() + " đã phát " + VnNumbers.count(t.clips()) + " tin, bài (" + VnNumbers.count(t.airings())
				+ " lượt phát, " + VnNumbers.decimal(t.minutes()) + " phút)" + targets + ".";
	}

	private static List<String> row(String name, ReportFigures.Totals t) {
		return List.of(name, VnNumbers.count(t.clips()), VnNumbers.count(t.airings()), VnNumbers.decimal(t.minutes()));
	}
}
