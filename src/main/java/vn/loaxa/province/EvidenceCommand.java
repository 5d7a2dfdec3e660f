package vn.loaxa.province;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.report.ReportPeriod;

/**
 * {@code java -jar loaxa.jar evidence --period 2026-Q1-statutory --out q1.zip} (or {@code --from}/{@code --to}):
 * the signed evidence bundle, written to a temporary file and moved into place. Exit 0 done, 1
 * failure, 2 usage.
 */
public final class EvidenceCommand {

	public static final String NAME = "evidence";
	static final String USAGE = """
			Cách dùng / usage:
			  java -jar loaxa.jar evidence --period 2026-Q1-statutory --out q1-evidence.zip
			  java -jar loaxa.jar evidence --from 2026-01-01 --to 2026-03-31 --out q1-evidence.zip
			""";

	private EvidenceCommand() {
	}

	/** {@code context} starts the Spring context from the Spring settings among the arguments. */
	public static int run(String[] args, Function<String[], ConfigurableApplicationContext> context, PrintStream err) {
		Map<String, String> options = new HashMap<>();
		List<String> spring = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String a = args[i];
			if (a.startsWith("--") && a.contains("=")) {
				spring.add(a);
			}
			else if (List.of("--period", "--from", "--to", "--out").contains(a) && i + 1 < args.length) {
				options.put(a.substring(2), args[++i]);
			}
			else {
				err.println("không hiểu / unknown: " + a);
				err.print(USAGE);
				return 2;
			}
		}
		if (!options.containsKey("out") || !(options.containsKey("period") || options.containsKey("from"))) {
			err.print(USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext ctx = context.apply(spring.toArray(String[]::new))) {
			ReportPeriod period = ReportPeriod.choose(options.get("period"), options.get("from"), options.get("to"));
			Path out = Path.of(options.get("out")).toAbsolutePath();
			Path tmp = out.resolveSibling(out.getFileName() + ".part");
			try (OutputStream stream = Files.newOutputStream(tmp)) {
				ctx.getBean(EvidenceExport.class).write(period, stream);
			}
			Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
			err.println("evidence " + period.code() + " → " + out);
			return 0;
		}
		catch (IOException | RuntimeException e) {
			err.println("Lỗi / error: " + e.getMessage());
			return 1;
		}
	}
}
