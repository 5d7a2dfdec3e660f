package vn.loaxa.playout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.schedule.Zone;

/**
 * Turns a zone's loudspeaker cluster on before a programme and off after: log-only when the zone
 * has no command, else its argument list run directly (never through a shell), with a timeout.
 */
@Component
class ZoneSwitch {

	record Result(boolean ok, String detail) {
	}

	private static final Logger log = LoggerFactory.getLogger(ZoneSwitch.class);

	private final AudioProperties audio;

	ZoneSwitch(AudioProperties audio) {
		this.audio = audio;
	}

	Result on(Zone zone) {
		return run(zone, zone.switchOn(), "on");
	}

	/**
	 * Switches these zones on and waits the longest settle time of those with a switch command (a
	 * relay needs it before sound); a zone whose switch fails is told to {@code lost} with why and
	 * left out. Returns the zones that are on.
	 */
	List<Zone> onAll(List<Zone> zones, BiConsumer<Zone, String> lost) {
		List<Zone> on = new ArrayList<>();
		Duration settle = Duration.ZERO;
		for (Zone zone : zones) {
			Result result = on(zone);
			if (!result.ok()) {
				lost.accept(zone, "zone switch failed: " + result.detail());
				continue;
			}
			on.add(zone);
			if (zone.hasSwitchCommand() && zone.settle().compareTo(settle) > 0) {
				settle = zone.settle();
			}
		}
		if (!on.isEmpty() && !settle.isZero()) {
			try {
				Thread.sleep(settle.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return on;
	}

	Result off(Zone zone) {
		return run(zone, zone.switchOff(), "off");
	}

	private Result run(Zone zone, List<String> command, String what) {
		if (command.isEmpty()) {
			log.info("zone {} switched {} (log only)", zone.id(), what);
			return new Result(true, "log");
		}
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(audio.switchTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				log.warn("zone {} switch {} timed out after {}", zone.id(), what, audio.switchTimeout());
				return new Result(false, "timeout " + audio.switchTimeout().toSeconds() + "s: " + String.join(" ", command));
			}
			if (process.exitValue() != 0) {
				log.warn("zone {} switch {} failed: exit {}", zone.id(), what, process.exitValue());
				return new Result(false, "exit " + process.exitValue() + ": " + String.join(" ", command));
			}
			log.info("zone {} switched {}", zone.id(), what);
			return new Result(true, "ok");
		}
		catch (IOException e) {
			log.warn("zone {} switch {} cannot run: {}", zone.id(), what, e.getMessage());
			return new Result(false, "cannot run " + command.get(0) + ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(false, "interrupted");
		}
	}
}
