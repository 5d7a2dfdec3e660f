package vn.loaxa.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import vn.loaxa.LoaxaApplication;

/**
 * The child JVM of {@link ReportBenchmark}: runs a command-line job exactly as {@code java -jar
 * loaxa.jar report …} does, timing it and printing the heap's peak afterwards.
 */
public final class ExportChild {

	public static void main(String[] args) {
		long started = System.nanoTime();
		int code = LoaxaApplication.runCommand(args);
		long ms = (System.nanoTime() - started) / 1_000_000;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("  child: exit %d, job incl. Spring start %,d ms, max heap %d MB, sum of heap pool peaks %d MB%n",
				code, ms, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
		System.exit(code);
	}
}
