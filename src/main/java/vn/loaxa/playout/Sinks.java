package vn.loaxa.playout;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.media.MediaProperties;
import vn.loaxa.schedule.OutputChannel;

/**
 * Chooses each channel's sink: the file sink when {@code loaxa.audio.sink=file} or the channel's
 * output is {@code file}; otherwise the named mixer's line. A PC without that mixer (or without
 * any sound card) says so once, loudly, and uses the file sink instead of failing.
 */
@Component
class Sinks {

	private static final Logger log = LoggerFactory.getLogger(Sinks.class);

	private final AudioProperties audio;
	private final LoaxaClock clock;
	private final Path fileDir;
	private final AudioFormat format;
	private final Map<String, AudioSink> byChannel = new ConcurrentHashMap<>();
	/** Channels whose line was wanted but not found, so they play into the file sink. */
	private final java.util.Set<String> fallbacks = ConcurrentHashMap.newKeySet();

	Sinks(AudioProperties audio, LoaxaProperties properties, MediaProperties media, LoaxaClock clock) {
		this.audio = audio;
		this.clock = clock;
		this.fileDir = audio.fileSinkDir() != null ? audio.fileSinkDir() : properties.dataDir().resolve("sink");
		this.format = new AudioFormat(media.sampleRate(), 16, 1, true, false);
	}

	AudioFormat format() {
		return format;
	}

	Path fileDir() {
		return fileDir;
	}

	AudioSink of(OutputChannel channel) {
		String key = channel.id() + "|" + channel.output();
		return byChannel.computeIfAbsent(key, k -> choose(channel));
	}

	private AudioSink choose(OutputChannel channel) {
		FileSink file = new FileSink(fileDir, audio.fileSinkRealtime(), clock.clock(), channel.id());
		if (audio.sink() == AudioProperties.Sink.FILE || channel.isFile()) {
			log.info("channel {}: {}", channel.id(), file.describe());
			return file;
		}
		String wanted = channel.output() == null ? "default" : channel.output();
		MixerMatch match = MixerMatch.find(SourceDataLine.class, format, wanted);
		if (match.usable()) {
			LineSink line = new LineSink(match.mixer(), (int) audio.lineBuffer().toMillis(), clock.clock());
			log.info("channel {}: {}", channel.id(), line.describe());
			return line;
		}
		fallbacks.add(channel.id() + "|" + channel.output());
		log.warn("KHÔNG CÓ THIẾT BỊ ÂM THANH: channel {} wants mixer '{}' but this PC has {} — "
				+ "playing into the file sink {} instead", channel.id(), wanted, match.any() ? "no such mixer" : "no sound output at all",
				fileDir.toAbsolutePath());
		return file;
	}

	String describe(OutputChannel channel) {
		return of(channel).describe();
	}

	/** {@code line}, {@code file} (as configured) or {@code file-fallback} (a line was wanted, none found). */
	String kind(OutputChannel channel) {
		AudioSink sink = of(channel);
		if (sink instanceof LineSink) {
			return "line";
		}
		return fallbacks.contains(channel.id() + "|" + channel.output()) ? "file-fallback" : "file";
	}
}
