package vn.loaxa.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.ChainVerification;
import vn.loaxa.config.UserError;

/**
 * The command-line jobs, run without the web server: {@code report --period 2026-Q1 --format xlsx
 * --out q1.xlsx} and {@code verify}. Exit codes: 0 done, 1 chain broken or failure, 2 usage.
 */
@Component
public class ReportCommands {

	public static final int OK = 0;
	public static final int FAILED = 1;
	public static final int USAGE = 2;

	public static final Set<String> NAMES = Set.of("report", "verify", "verify-report");
	static final Set<String> REPORT_OPTIONS = Set.of("period", "from", "to", "format", "out");

	public static final String USAGE_TEXT = """
			Cách dùng / usage:
			  java -jar loaxa.jar report --period 2026-Q1-statutory --format xlsx --out q1.xlsx
			  java -jar loaxa.jar report --from 2026-01-01 --to 2026-03-31 --format pdf --out q1.pdf
			  java -jar loaxa.jar report --period 2026-Q1 --format docx --out q1.docx   (Word, Nghị định 30/2020)
			  java -jar loaxa.jar verify
			  java -jar loaxa.jar verify-report q1.xlsx      (or a .json report: checked against the log and the key)
			  period: 2026-03 | 2026-Q1 | 2026-H1 | 2026 | 2026-Q1-statutory | 2026-H1-statutory | 2026-statutory
			  format: json | xlsx | csv | pdf | docx (default json); --out omitted = standard output
			  Spring settings may follow as --loaxa.data-dir=/path
			""";

	private final ReportExports exports;
	private final BroadcastLog log;
	private final MessageSource messages;

	private final ReportVerifier verifier;

	ReportCommands(ReportExports exports, BroadcastLog log, MessageSource messages, ReportVerifier verifier) {
		this.verifier = verifier;
		this.exports = exports;
		this.log = log;
		this.messages = messages;
	}

	/** Runs a command given its arguments (the command name first, without Spring settings). */
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Map<String, String> options;
		try {
			options = options(args);
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.print(USAGE_TEXT);
			return USAGE;
		}
		try {
			return switch (args.get(0)) {
				case "verify" -> verify(out, err);
				case "verify-report" -> verifyReport(Path.of(options.get("file")), out, err);
				default -> report(options, out, err);
			};
		}
		catch (UserError e) {
			err.println(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), ReportLabels.VIETNAMESE));
			return USAGE;
		}
		catch (IOException | RuntimeException e) {
			err.println("Lỗi / error: " + e);
			return FAILED;
		}
	}

	/**
	 * Checks a command line before anything starts: a known command, known options each with a value.
	 * Throws IllegalArgumentException with a message for the user.
	 */
	public static Map<String, String> options(List<String> args) {
		if (args.isEmpty() || !NAMES.contains(args.get(0))) {
			throw new IllegalArgumentException("Lệnh không hợp lệ / unknown command: "
					+ (args.isEmpty() ? "" : args.get(0)));
		}
		Set<String> allowed = args.get(0).equals("report") ? REPORT_OPTIONS : Set.of();
		Map<String, String> options = new LinkedHashMap<>();
		if (args.get(0).equals("verify-report")) {
			if (args.size() != 2 || args.get(1).startsWith("--")) {
				throw new IllegalArgumentException("Cần đúng một tệp / need exactly one file: verify-report FILE");
			}
			options.put("file", args.get(1));
			return options;
		}
		for (int i = 1; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Tham số thừa / unexpected argument: " + arg);
			}
			String name = arg.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
				value = args.get(++i);
			}
			else {
				throw new IllegalArgumentException("Thiếu giá trị cho / missing value for --" + name);
			}
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException("Tùy chọn không hợp lệ / unknown option: --" + name);
			}
			options.put(name, value);
		}
		if (args.get(0).equals("report") && !options.containsKey("period")
				&& !(options.containsKey("from") && options.containsKey("to"))) {
			throw new IllegalArgumentException("Cần --period, hoặc --from và --to / need --period, or --from and --to");
		}
		return options;
	}

	private int verifyReport(Path file, PrintStream out, PrintStream err) throws IOException {
		if (!Files.isRegularFile(file)) {
			err.println("Không có tệp / no such file: " + file);
			return USAGE;
		}
		ReportVerifier.Outcome outcome = verifier.verify(file);
		if (outcome.ok()) {
			out.println("ĐÚNG / VALID: " + file.getFileName() + " khớp nhật ký và chữ ký của xã / matches the log and the "
					+ "commune's signature");
			out.print(outcome.anchor());
			return OK;
		}
		err.println("SAI / INVALID: " + file.getFileName());
		outcome.problems().forEach(p -> err.println("  - " + p));
		return FAILED;
	}

	private int verify(PrintStream out, PrintStream err) {
		ChainVerification v = log.verify();
		if (v.intact()) {
			out.println(messages.getMessage("broadcast.verify.ok", new Object[] { v.recordsChecked(), v.millis() },
					ReportLabels.VIETNAMESE));
			return OK;
		}
		err.println(messages.getMessage("broadcast.verify.broken",
				new Object[] { v.firstBrokenId(), v.problem(), v.recordsChecked() }, ReportLabels.VIETNAMESE));
		return FAILED;
	}

	private int report(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
		ReportPeriod period = ReportPeriod.choose(options.get("period"), options.get("from"), options.get("to"));
		ReportFormat format = ReportFormat.parse(options.get("format"));
		String target = options.get("out");
		if (target == null || target.equals("-")) {
			exports.write(period, format, out);
			return OK;
		}
		Path file = Path.of(target).toAbsolutePath();
		Path parent = file.getParent();
		Files.createDirectories(parent);
		Path partial = Files.createTempFile(parent, ".loaxa-report-", ".part");
		try {
			try (OutputStream stream = Files.newOutputStream(partial)) {
				exports.write(period, format, stream);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
		err.println(period.code() + " (" + period.from() + " – " + period.to() + ") → " + file);
		return OK;
	}
}
