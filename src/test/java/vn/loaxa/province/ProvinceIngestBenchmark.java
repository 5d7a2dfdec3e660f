package vn.loaxa.province;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.province.internal.BundleHead;
import vn.loaxa.province.internal.ProvincePdf;
import vn.loaxa.province.internal.ProvinceReportFiles;
import vn.loaxa.province.internal.RecordLine;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.security.CommuneKey;

/**
 * The district hub under a year of a whole district: {@code communes} communes (default 300) each
 * with {@code records} records (default 15,000: two zones, about twenty airings a day) signed with
 * its own Ed25519 key, taken by the hub on PostgreSQL (the embedded one, or LOAXA_TEST_PG_URL), then
 * the district's quarterly report in every format. Figures printed, nothing asserted. Run through
 * {@code vn.loaxa.benchmark.ProvinceBenchmark}.
 */
public final class ProvinceIngestBenchmark {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	private static final ClipKind[] KINDS = ClipKind.values();
	private static final Topic[] TOPICS = Topic.values();

	/** Every commune's plan: three targets, as a commune's yearly plan has them. */
	private static final vn.loaxa.report.Plan PLAN = new vn.loaxa.report.Plan(2026, "Kế hoạch tuyên truyền CCHC 2026",
			List.of(new vn.loaxa.report.PlanTarget(1L, 2026, "150 tin, bài", 150, false,
					java.util.Set.of(ClipKind.NEWS, ClipKind.ARTICLE), java.util.Set.of(), vn.loaxa.report.Measure.CLIPS, 1),
					new vn.loaxa.report.PlanTarget(2L, 2026, "02 bài chuyển đổi số mỗi tháng", 2, true,
							java.util.Set.of(ClipKind.ARTICLE), java.util.Set.of(Topic.DIGITAL_TRANSFORMATION),
							vn.loaxa.report.Measure.CLIPS, 2),
					new vn.loaxa.report.PlanTarget(3L, 2026, "24 lượt khẩu hiệu", 24, false,
							java.util.Set.of(ClipKind.SLOGAN), java.util.Set.of(), vn.loaxa.report.Measure.AIRINGS, 3)));

	private ProvinceIngestBenchmark() {
	}

	public static void run(int communes, int records) throws Exception {
		System.setProperty("loaxa.test.db", "postgres");
		Path data = Files.createTempDirectory("loaxa-district-bench");
		List<String> args = new ArrayList<>(List.of("--loaxa.mode=district", "--spring.profiles.active=postgres",
				"--loaxa.data-dir=" + data, "--loaxa.admin.password=bench-pass-123", "--logging.level.root=WARN",
				"--loaxa.media-dir=" + data.resolve("no-media"), "--loaxa.schedules-dir=" + data.resolve("no-schedules")));
		// -Dbench.db=<jdbc url>: a database kept between runs; its communes are taken once, then reused
		String kept = System.getProperty("bench.db");
		if (kept != null) {
			args.addAll(List.of("--spring.datasource.url=" + kept, "--spring.datasource.username=" + System.getProperty(
					"bench.db.user", "loaxa"), "--spring.datasource.password=" + System.getProperty("bench.db.password", "loaxa")));
		}
		else {
			vn.loaxa.support.TestDatabase.properties("district-bench").forEach((k, v) -> args.add("--" + k + "=" + v));
		}
		try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(LoaxaApplication.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new))) {
			ProvinceHub province = hub.getBean(ProvinceHub.class);
			ObjectMapper json = hub.getBean(ObjectMapper.class);
			long buildNanos = 0;
			long ingestNanos = 0;
			long taken = 0;
			int held = hub.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM province_commune", Integer.class);
			for (int c = held + 1; c <= communes; c++) {
				KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				String id = "xa-" + c;
				province.enrol(id, "Xã số " + c, CommuneKey.pem(pair.getPublic()), "bench");
				long t0 = System.nanoTime();
				byte[] bundle = bundle(id, chain(c, records), pair, json);
				long t1 = System.nanoTime();
				taken += province.receive(new ByteArrayInputStream(bundle), "api", null).newRecords();
				long t2 = System.nanoTime();
				buildNanos += t1 - t0;
				ingestNanos += t2 - t1;
				if (c % 50 == 0) {
					System.out.printf("  %d communes, %d records taken, %.0f records/s so far%n", c, taken,
							taken / (ingestNanos / 1e9));
				}
			}
			System.out.printf("ProvinceBenchmark: %d communes x %d records = %d records taken in %.1f s: %.0f records/s "
					+ "(verify signature, chain, continuity, insert); bundles built in %.1f s (not counted)%n", communes,
					records, taken, ingestNanos / 1e9, taken / (ingestNanos / 1e9), buildNanos / 1e9);
			ProvinceReports reports = hub.getBean(ProvinceReports.class);
			ProvincePdf pdf = hub.getBean(ProvincePdf.class);
			ReportPeriod q = ReportPeriod.parse("2026-Q2");
			for (int round = 1; round <= 2; round++) {
				long t0 = System.nanoTime();
				ProvinceReports.ProvinceReport r = reports.compute(q);
				long computed = System.nanoTime();
				long json0 = time(out -> ProvinceReportFiles.write(r, ProvinceReportFiles.Format.JSON, k -> k, out));
				long csv = time(out -> ProvinceReportFiles.write(r, ProvinceReportFiles.Format.CSV, k -> k, out));
				long xlsx = time(out -> ProvinceReportFiles.write(r, ProvinceReportFiles.Format.XLSX, k -> k, out));
				long pdfMs = time(out -> pdf.write(r, out));
				System.out.printf("district report %s (%s): figures %d ms (%d communes, %d airings); JSON %d ms, CSV %d ms, "
						+ "XLSX %d ms, PDF %d ms; heap used %d MB%n", q.code(), round == 1 ? "cold" : "warm",
						(computed - t0) / 1_000_000, r.communes().size(), r.totals().airings(), json0, csv, xlsx, pdfMs,
						(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
			}
		}
	}

	interface Export {
		void to(OutputStream out) throws Exception;
	}

	private static long time(Export export) throws Exception {
		long t0 = System.nanoTime();
		export.to(OutputStream.nullOutputStream());
		return (System.nanoTime() - t0) / 1_000_000;
	}

	/** A year of one commune: two zones, airings spread from 15/12/2025 on, every tenth one not PLAYED. */
	private static List<BroadcastRecord> chain(int commune, int records) {
		List<BroadcastRecord> chain = new ArrayList<>(records);
		String previous = BroadcastRecord.genesisHash();
		Instant start = LocalDateTime.of(2025, 12, 15, 5, 30).atZone(HCM).toInstant();
		long step = 365L * 24 * 3600 / records;
		for (int i = 0; i < records; i++) {
			Instant at = start.plusSeconds(step * i);
			long clip = commune * 1000L + i % 40;
			boolean played = i % 10 != 0;
			Airing a = Airing.of(i % 2 == 0 ? "ban-1" : "ban-2", "Bản tin")
				.clip(clip, sha(clip), "Bản tin " + clip, KINDS[i % KINDS.length], TOPICS[i % TOPICS.length])
				.scheduled(at)
				.started(played ? at.plusMillis(200) : null)
				.ended(played ? at.plusMillis(60_200) : null)
				.playedMs(played ? 60_000 : 0)
				.dueMs(60_000)
				.outcome(played ? Outcome.PLAYED : Outcome.MISSED)
				.reason(played ? null : "PC tắt")
				.build();
			Instant recorded = at.plusSeconds(70);
			String hash = new BroadcastRecord(i + 1, a, null, "he-thong", recorded, previous, null).contentHash();
			chain.add(new BroadcastRecord(i + 1, a, null, "he-thong", recorded, previous, hash));
			previous = hash;
		}
		return chain;
	}

	private static byte[] bundle(String commune, List<BroadcastRecord> records, KeyPair pair, ObjectMapper json)
			throws Exception {
		ByteArrayOutputStream lines = new ByteArrayOutputStream(records.size() * 520);
		for (BroadcastRecord r : records) {
			lines.write(json.writeValueAsBytes(RecordLine.of(r)));
			lines.write('\n');
		}
		byte[] recordBytes = lines.toByteArray();
		BroadcastRecord first = records.get(0);
		BroadcastRecord last = records.get(records.size() - 1);
		byte[] planBytes = json.writeValueAsBytes(List.of(PLAN));
		BundleHead head = new BundleHead(BundleHead.FORMAT, commune, commune, null, first.id(), first.hash(), last.id(),
				last.hash(), new BundleHead.Head(last.id(), last.hash()), records.size(),
				HexFormat.of().formatHex(EvidenceExport.sha256().digest(recordBytes)), "", Instant.now(),
				HexFormat.of().formatHex(EvidenceExport.sha256().digest(planBytes)));
		byte[] headBytes = json.writeValueAsBytes(head);
		Signature s = Signature.getInstance("Ed25519");
		s.initSign(pair.getPrivate());
		s.update(headBytes);
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			entry(out, EvidenceExport.RECORDS, recordBytes);
			entry(out, EvidenceExport.PLAN, planBytes);
			entry(out, EvidenceExport.HEAD, headBytes);
			entry(out, EvidenceExport.SIGNATURE, Base64.getEncoder().encodeToString(s.sign()).getBytes(StandardCharsets.US_ASCII));
		}
		return zip.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws Exception {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	private static String sha(long clip) {
		return HexFormat.of().formatHex(EvidenceExport.sha256().digest(("clip " + clip).getBytes(StandardCharsets.UTF_8)));
	}
}
