package vn.loaxa.benchmark;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.report.ReportCommands;

/**
 * The child JVM of {@link ReportBenchmark}: starts Spring as {@code java -jar loaxa.jar report …}
 * does (no web server), runs the job, and prints the job's time apart from the start-up, and the
 * heap's peak.
 */
public final class ExportChild {

	public static void main(String[] args) {
		List<String> command = new ArrayList<>();
		List<String> settings = new ArrayList<>();
		for (String arg : args) {
			(arg.startsWith("--loaxa.") ? settings : command).add(arg);
		}
		long started = System.nanoTime();
		int code;
		long jobMs;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class)
			.web(WebApplicationType.NONE)
			.properties(LoaxaApplication.COMMAND_PROPERTIES)
			.run(settings.toArray(String[]::new))) {
			long startMs = (System.nanoTime() - started) / 1_000_000;
			long job = System.nanoTime();
			long cpu = processCpuNanos();
			code = context.getBean(ReportCommands.class).run(command, new PrintStream(System.out, true), System.err);
			jobMs = (System.nanoTime() - job) / 1_000_000;
			// the CPU time too: on a shared machine the wall time also measures the neighbours
			System.out.printf("  child: Spring start %,d ms, job %,d ms (CPU of the process meanwhile %,d ms)%n", startMs,
					jobMs, (processCpuNanos() - cpu) / 1_000_000);
		}
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("  child: exit %d, max heap %d MB, sum of heap pool peaks %d MB%n", code,
				Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
		System.exit(code);
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}
}
