package vn.loaxa.province;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.province.internal.BundleHead;
import vn.loaxa.province.internal.RecordLine;
import vn.loaxa.report.CommuneSettingsStore;
import vn.loaxa.report.EvidenceFileName;
import vn.loaxa.report.Plan;
import vn.loaxa.report.PlanTargets;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.security.CommuneKey;

/**
 * Writes the commune's evidence bundle for a period (README, "Evidence bundle"): a zip of
 * {@code records.jsonl} (the stretch of the log that holds every record of the period, in log
 * order), {@code plan.json} (the commune's plans and their targets), {@code head.json},
 * {@code commune.pub} and {@code head.sig}. Streamed: a year of records
 * never sits in memory.
 */
@Service
public class EvidenceExport {

	public static final String RECORDS = "records.jsonl";
	public static final String HEAD = "head.json";
	public static final String PUBLIC_KEY = "commune.pub";
	public static final String SIGNATURE = "head.sig";
	public static final String PLAN = "plan.json";

	private final BroadcastLog log;
	private final CommuneKey key;
	private final CommuneSettingsStore settings;
	private final PlanTargets plans;
	private final ObjectMapper json;
	private final LoaxaClock clock;
	private final EvidenceFileName fileNames;

	EvidenceExport(BroadcastLog log, CommuneKey key, CommuneSettingsStore settings, PlanTargets plans, ObjectMapper json,
			LoaxaClock clock, EvidenceFileName fileNames) {
		this.log = log;
		this.plans = plans;
		this.key = key;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.fileNames = fileNames;
	}

	/** The commune's id at the province's hub: {@code loaxa.commune.id}, else its name without diacritics ("xa-na-lay"). */
	public String communeName() {
		return settings.current().communeName();
	}

	public String communeId() {
		return fileNames.communeId();
	}

	/** {@code loaxa-evidence-<communeId>-<period>.zip}, the name the filed report tells the officer to attach. */
	public String fileName(ReportPeriod period) {
		return fileNames.of(period);
	}

	public void write(ReportPeriod period, OutputStream out) {
		Instant from = period.from().atStartOfDay(clock.zone()).toInstant();
		Instant to = period.to().plusDays(1).atStartOfDay(clock.zone()).toInstant();
		write(log.rangeScheduledIn(from, to), new BundleHead.Period(period.code(), period.from(), period.to()), out);
	}

	/** A bundle of at most {@code max} records after {@code afterId}, for sending to the province. */
	void writeAfter(long afterId, int max, OutputStream out) {
		BroadcastLog.ChainHead head = log.head();
		Optional<BroadcastLog.IdRange> range = head.lastId() > afterId
				? Optional.of(new BroadcastLog.IdRange(afterId + 1, Math.min(head.lastId(), afterId + max)))
				: Optional.empty();
		write(range, null, out);
	}

	private void write(Optional<BroadcastLog.IdRange> range, BundleHead.Period period, OutputStream out) {
		BroadcastLog.ChainHead chainHead = log.head();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			zip.putNextEntry(new ZipEntry(RECORDS));
			MessageDigest sha = sha256();
			Lines lines = new Lines();
			try (OutputStream records = new DigestOutputStream(new KeepOpen(zip), sha)) {
				if (range.isPresent()) {
					log.streamRange(range.get(), r -> lines.write(records, r));
				}
			}
			zip.closeEntry();
			// the commune's plans and their targets, so the province counts each commune against its own plan
			List<Plan> communePlans = plans.years().stream().map(plans::plan).flatMap(Optional::stream).toList();
			byte[] planBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(communePlans);
			entry(zip, PLAN, planBytes);
			BundleHead head = new BundleHead(BundleHead.FORMAT, communeId(), settings.current().communeName(), period,
					lines.first == null ? null : lines.first.id(), lines.first == null ? null : lines.first.hash(),
					lines.last == null ? null : lines.last.id(), lines.last == null ? null : lines.last.hash(),
					new BundleHead.Head(chainHead.lastId(), chainHead.lastHash()), lines.count,
					HexFormat.of().formatHex(sha.digest()), key.fingerprint(),
					clock.now().toInstant().truncatedTo(ChronoUnit.SECONDS), HexFormat.of().formatHex(sha256().digest(planBytes)));
			byte[] headBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(head);
			entry(zip, HEAD, headBytes);
			entry(zip, PUBLIC_KEY, key.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
			entry(zip, SIGNATURE, (key.sign(headBytes) + "\n").getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException e) {
			throw new UncheckedIOException("evidence bundle could not be written", e);
		}
	}

	/** Leaves the zip open for the next entry when the records' stream is closed. */
	private static final class KeepOpen extends FilterOutputStream {

		KeepOpen(OutputStream zip) {
			super(zip);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}

	private final class Lines {
		BroadcastRecord first;
		BroadcastRecord last;
		int count;

		void write(OutputStream records, BroadcastRecord r) {
			try {
				records.write(json.writeValueAsBytes(RecordLine.of(r)));
				records.write('\n');
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (first == null) {
				first = r;
			}
			last = r;
			count++;
		}
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
