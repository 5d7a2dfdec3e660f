package vn.loaxa.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process and of its descendants from {@code /proc/<pid>/stat} (Linux). A child that
 * has ended and been waited for (Java's process reaper waits for every ffmpeg LoaXa starts) is in its
 * parent's {@code cutime}/{@code cstime}; one still running is read from its own line. So the
 * descendants' time is the parent's reaped children plus every live descendant's own and reaped time.
 */
final class ProcessCpu {

	/** utime+stime of the process's own threads, and of its descendants, in seconds. */
	record Reading(double selfS, double descendantsS, long nanoTime) {

		Reading minus(Reading before) {
			return new Reading(selfS - before.selfS, descendantsS - before.descendantsS, nanoTime - before.nanoTime);
		}

		double wallS() {
			return nanoTime / 1e9;
		}
	}

	private final long pid;
	private final double ticksPerSecond;

	ProcessCpu(long pid) {
		this.pid = pid;
		this.ticksPerSecond = clockTicks();
	}

	Reading read() {
		long[] self = ticks(pid);
		long descendants = self[1];
		for (ProcessHandle p : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(java.util.List.of())) {
			long[] t = ticks(p.pid());
			descendants += t[0] + t[1];
		}
		return new Reading(self[0] / ticksPerSecond, descendants / ticksPerSecond, System.nanoTime());
	}

	/** Descendant processes running now (the relay's ffmpeg decoders). */
	long liveDescendants() {
		return ProcessHandle.of(pid).map(h -> h.descendants().filter(ProcessHandle::isAlive).count()).orElse(0L);
	}

	/** {utime+stime, cutime+cstime} in clock ticks; zeros for a process that has gone meanwhile. */
	private static long[] ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the command name in parentheses may hold spaces: count the fields after its closing one
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
			return new long[] { Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14]) };
		}
		catch (IOException e) {
			return new long[] { 0, 0 };
		}
	}

	private static double clockTicks() {
		try {
			Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes()).trim();
			p.waitFor();
			return Double.parseDouble(out);
		}
		catch (IOException | NumberFormatException e) {
			return 100;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}
}
