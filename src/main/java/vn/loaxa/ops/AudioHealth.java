package vn.loaxa.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import vn.loaxa.playout.Playout;

/**
 * {@code audio} in {@code /actuator/health}: each channel's output as playout chose it. UP when
 * every channel has what it was configured for (the sound card line found, or the file sink asked
 * for); DEGRADED (still HTTP 200) when a channel wanted a line this PC does not have and plays into
 * the file sink instead: LoaXa runs and keeps its log, but the loudspeakers are silent.
 */
@Component("audioHealthIndicator")
class AudioHealth extends AbstractHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "a channel plays into the file sink instead of its line");

	private final Playout playout;

	AudioHealth(Playout playout) {
		super("audio health check failed");
		this.playout = playout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<Playout.AudioOutput> outputs = playout.audioOutputs();
		Map<String, Object> channels = new LinkedHashMap<>();
		boolean fallback = false;
		for (Playout.AudioOutput o : outputs) {
			channels.put(o.channelId(), Map.of("name", o.channelName(), "wanted", o.wanted() == null ? "default" : o.wanted(),
					"sink", o.kind(), "detail", o.sink()));
			fallback |= o.fallback();
		}
		builder.status(fallback ? DEGRADED : Status.UP).withDetail("channels", channels);
	}
}
