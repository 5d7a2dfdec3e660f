package vn.loaxa.playout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import javax.sound.sampled.AudioFormat;

import org.springframework.stereotype.Component;

import vn.loaxa.config.AirCheckProperties;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.media.AirCheckEncoder;
import vn.loaxa.schedule.OutputChannel;

/**
 * Air-checks: what a channel writes during a relay or a live announcement, kept as a small mono MP3
 * ({@code loaxa.aircheck.bitrate}, 32 kbit/s) under {@code <data-dir>/aircheck/yyyy/MM/dd/HHmmss-<channel>-<slot>.mp3}
 * (the commune's date and time it began), whose SHA-256 the airing's records carry. Playout never
 * waits for it and never fails because of it: an ffmpeg missing or dying leaves the airing as it is,
 * its records without an air-check, the failure logged and in health ({@code audio.airCheck}).
 * <p>
 * Use, on the channel's thread (one air-check per channel per airing; all its records carry the same):
 * <pre>
 * AirCheckTap session = airChecks.tap(sinks.of(channel).open(label, format), channel, slotName, format);
 * … session.write(pcm, 0, n) …                 // to the sink, then (copied) to the air-check
 * Optional&lt;AirCheckFile&gt; kept = session.finishAirCheck();   // after the last write, before the records
 * airing = airing.withAirCheck(kept.map(AirCheckFile::ref).orElse(null));
 * </pre>
 * or without a sink session: {@code AirCheck a = airChecks.start(channel, slotName, format); a.write(…); a.finish()}.
 */
@Component
public class AirChecks {

	/** The last air-check that could not be kept: when, on which channel, for which slot, and why. */
	public record Failure(Instant at, String channel, String slot, String why) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

	private final AirCheckEncoder encoder;
	private final AirCheckProperties properties;
	private final LoaxaClock clock;
	private final Path dataDir;
	private volatile Failure lastFailure;

	AirChecks(AirCheckEncoder encoder, AirCheckProperties properties, LoaxaProperties loaxa, LoaxaClock clock) {
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
		this.dataDir = loaxa.dataDir().toAbsolutePath().normalize();
	}

	/** Starts the air-check of what this channel writes from now on, in this PCM format. Never throws. */
	AirCheck start(OutputChannel channel, String slotName, AudioFormat format) {
		if (!properties.enabled()) {
			return AirCheck.off();
		}
		ZonedDateTime now = clock.now();
		Path file = unique(dataDir.resolve("aircheck").resolve(DAY.format(now)),
				TIME.format(now) + "-" + slug(channel.id()) + "-" + slug(slotName));
		var encoding = encoder.start(file, Math.round(format.getSampleRate()), format.getChannels(), properties.bitrate());
		AirCheck check = new AirCheck(encoding, dataDir,
				why -> lastFailure = new Failure(clock.now().toInstant(), channel.id(), slotName, why));
		if (encoding.failure() != null) {
			lastFailure = new Failure(now.toInstant(), channel.id(), slotName, encoding.failure());
		}
		return check;
	}

	/** The session, with every frame written to it also kept in a new air-check of this channel. */
	AirCheckTap tap(SinkSession session, OutputChannel channel, String slotName, AudioFormat format) {
		return new AirCheckTap(session, start(channel, slotName, format));
	}

	public boolean enabled() {
		return properties.enabled();
	}

	public Optional<Failure> lastFailure() {
		return Optional.ofNullable(lastFailure);
	}

	/** {@code HHmmss-channel-slot.mp3} in the day's folder; {@code -2}, {@code -3}… when taken. */
	private static Path unique(Path folder, String name) {
		Path file = folder.resolve(name + ".mp3");
		for (int n = 2; Files.exists(file) || Files.exists(file.resolveSibling(file.getFileName() + ".part")); n++) {
			file = folder.resolve(name + "-" + n + ".mp3");
		}
		return file;
	}

	/** "Tiếp sóng VOV1" → {@code tiep-song-vov1}: ASCII, lower case, at most 40 characters. */
	static String slug(String text) {
		String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D')
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "");
		plain = plain.length() > 40 ? plain.substring(0, 40).replaceAll("-$", "") : plain;
		return plain.isEmpty() ? "x" : plain;
	}
}
