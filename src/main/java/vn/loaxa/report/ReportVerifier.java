package vn.loaxa.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.loaxa.broadcast.BroadcastLog;

/**
 * {@code verify-report FILE}: checks an exported JSON or XLSX report against the log and the commune
 * key. It holds when the signature over its anchor is this commune's, the log still gives the very
 * figures the anchor names (by their SHA-256), the chain head it names is still in the log, and the
 * figures in the file are those figures (in an XLSX, every number of the summary sheet and of the
 * Tiếp sóng sheet).
 */
@Component
class ReportVerifier {

	record Outcome(boolean ok, List<String> problems, String anchor) {
	}

	private final ReportService reports;
	private final ObjectMapper json;
	private final MessageSource messages;

	ReportVerifier(ReportService reports, ObjectMapper json, MessageSource messages) {
		this.reports = reports;
		this.json = json;
		this.messages = messages;
	}

	Outcome verify(Path file) throws IOException {
		byte[] head = new byte[2];
		try (InputStream in = Files.newInputStream(file)) {
			in.readNBytes(head, 0, 2);
		}
		return head[0] == 'P' && head[1] == 'K' ? xlsx(file) : json(file);
	}

	private Outcome json(Path file) throws IOException {
		JsonNode tree;
		try {
			tree = json.readTree(file.toFile());
		}
		catch (IOException e) {
			return failed("không đọc được tệp JSON / not a JSON report: " + e.getMessage());
		}
		if (!(tree instanceof ObjectNode node) || !node.hasNonNull("anchor")) {
			return failed("tệp không có neo kiểm chứng / the file has no anchor");
		}
		JsonNode anchor = node.remove("anchor");
		node.path("byZone").forEach(row -> { if (row instanceof ObjectNode zone) { zone.remove("name"); } });
		node.path("targets").forEach(row -> { if (row instanceof ObjectNode target) { target.remove("forecast"); } });
		String signed = anchor.path("signed").asText();
		List<String> problems = common(signed, anchor.path("signature").asText());
		Optional<Report> now = recompute(signed, problems);
		if (now.isPresent()) {
			ReportFigures inFile;
			try {
				inFile = json.treeToValue(node, ReportFigures.class);
			}
			catch (IOException e) {
				inFile = null;
			}
			if (inFile == null || !inFile.equals(now.get().figures())) {
				problems.add("số liệu trong tệp khác số liệu đã ký / the figures in the file are not the signed ones");
			}
		}
		return new Outcome(problems.isEmpty(), problems, signed);
	}

	private Outcome xlsx(Path file) throws IOException {
		Map<String, XlsxCells.Cell> anchor;
		Map<String, XlsxCells.Cell> summary;
		try {
			anchor = XlsxCells.read(file, XlsxReport.ANCHOR);
			summary = XlsxCells.read(file, XlsxReport.SUMMARY);
		}
		catch (IOException | RuntimeException e) {
			return failed("không đọc được tệp Excel / not a LoaXa workbook: " + e.getMessage());
		}
		XlsxCells.Cell signed = anchor.get("B1");
		XlsxCells.Cell signature = anchor.get("B2");
		if (signed == null || signature == null) {
			return failed("tệp không có neo kiểm chứng / the file has no anchor");
		}
		List<String> problems = common(signed.value(), signature.value());
		Optional<Report> now = recompute(signed.value(), problems);
		if (now.isPresent()) {
			Path expected = Files.createTempFile("loaxa-verify", ".xlsx");
			try {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				new XlsxReport(new ReportLabels(messages, ReportLabels.VIETNAMESE), reports.zone())
					.writeSummary(now.get(), bytes);
				Files.write(expected, bytes.toByteArray());
				compareNumbers(summary, XlsxCells.read(expected, XlsxReport.SUMMARY), problems);
				if (!now.get().figures().relays().isEmpty()) {
					compareNumbers(relaySheet(file), XlsxCells.read(expected, XlsxRelaySheet.NAME), problems);
				}
			}
			finally {
				Files.deleteIfExists(expected);
			}
		}
		return new Outcome(problems.isEmpty(), problems, signed.value());
	}

	/** The file's Tiếp sóng sheet; none (every number missing) when it was taken out. */
	private static Map<String, XlsxCells.Cell> relaySheet(Path file) {
		try {
			return XlsxCells.read(file, XlsxRelaySheet.NAME);
		}
		catch (IOException | RuntimeException e) {
			return Map.of();
		}
	}

	private static void compareNumbers(Map<String, XlsxCells.Cell> file, Map<String, XlsxCells.Cell> expected,
			List<String> problems) {
		for (Map.Entry<String, XlsxCells.Cell> e : expected.entrySet()) {
			if (!e.getValue().number()) {
				continue;
			}
			XlsxCells.Cell found = file.get(e.getKey());
			if (found == null || !found.number() || Double.parseDouble(found.value()) != Double.parseDouble(e.getValue().value())) {
				problems.add("ô " + e.getKey() + ": " + (found == null ? "trống" : found.value()) + " thay vì / instead of "
						+ e.getValue().value());
			}
		}
		for (Map.Entry<String, XlsxCells.Cell> e : file.entrySet()) {
			if (e.getValue().number() && !expected.containsKey(e.getKey())) {
				problems.add("ô " + e.getKey() + ": số thêm vào / a number added: " + e.getValue().value());
			}
		}
	}

	/** The signature, and the chain head named, whatever the format. */
	private List<String> common(String signed, String signature) {
		List<String> problems = new ArrayList<>();
		if (!signed.startsWith(ReportAnchor.HEADER) || !reports.signedHere(signed, signature)) {
			problems.add("chữ ký không khớp với khóa của xã / the signature is not this commune key's over the anchor");
		}
		Optional<BroadcastLog.ChainHead> head = ReportAnchor.headOf(signed);
		if (head.isEmpty()) {
			problems.add("neo không nêu đầu chuỗi / the anchor names no chain head");
		}
		else if (head.get().lastId() > 0 && !reports.log().find(head.get().lastId())
			.map(r -> r.hash().equals(head.get().lastHash())).orElse(false)) {
			problems.add("nhật ký đã bị viết lại từ khi xuất / the log was rewritten since: record " + head.get().lastId()
					+ " is not the one the report names");
		}
		return problems;
	}

	/** The report of the anchor's period from the log now; a problem when its figures' SHA-256 is not the signed one. */
	private Optional<Report> recompute(String signed, List<String> problems) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^period: (\\S+) ").matcher(signed);
		if (!m.find()) {
			problems.add("neo không nêu kỳ báo cáo / the anchor names no period");
			return Optional.empty();
		}
		ReportPeriod period = ReportPeriod.parse(m.group(1));
		Report now = reports.computeFromLog(period);
		if (!ReportAnchor.figuresOf(signed).orElse("").equals(ReportAnchor.digest(now.figures()))) {
			problems.add("nhật ký nay cho số liệu khác với số liệu đã ký / the log now gives other figures than the signed ones");
		}
		checkRecords(signed, period, problems);
		return Optional.of(now);
	}

	/** The records the anchor names against the log's records of the period up to the chain head it names. */
	private void checkRecords(String signed, ReportPeriod period, List<String> problems) {
		long head = ReportAnchor.headOf(signed).map(BroadcastLog.ChainHead::lastId).orElse(Long.MAX_VALUE);
		String named = ReportAnchor.recordsOf(signed).orElse("");
		String inLog = ReportAnchor.records(reports.log()
			.rangeScheduledIn(period.start(reports.zone()), period.end(reports.zone()), head));
		if (!named.equals(inLog)) {
			problems.add("neo nêu bản ghi " + named + " nhưng nhật ký cho " + inLog + " / the anchor names records "
					+ named + ", the log's records of the period are " + inLog);
		}
	}

	private static Outcome failed(String problem) {
		return new Outcome(false, List.of(problem), null);
	}
}
