package vn.loaxa.playout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.loaxa.support.TestAudio;

/**
 * A radio station for relay tests, on the JDK's HTTP server: endless MP3 streams sent at their
 * bitrate as a live Icecast mount does (a second's burst on connect, then the pace), a mount that
 * can go off air for a while (the open connection stalls, new ones get 503), and the files of a
 * live HLS playlist that ffmpeg writes in real time. Public for {@code RelayBenchmark}.
 */
public final class TestStation implements AutoCloseable {

	/** 64 kbit/s: the bytes a second a live MP3 stream sends. */
	static final int BYTES_PER_SECOND = 8000;

	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool();
	private volatile long offAirUntilNanos;
	private Process hls;

	public TestStation(Path dir) throws IOException {
		byte[] tone = mp3(dir.resolve("tone.mp3"), "sine=frequency=440:duration=30:sample_rate=44100");
		byte[] silence = mp3(dir.resolve("silence.mp3"), "anullsrc=r=44100:cl=mono:d=10");
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(threads);
		server.createContext("/live.mp3", exchange -> stream(exchange, tone));
		server.createContext("/silence.mp3", exchange -> stream(exchange, silence));
		server.createContext("/hls/", exchange -> file(exchange, dir.resolve("hls")));
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The station goes off air now for this long: the open streams stall, new listeners are refused. */
	public void offAir(java.time.Duration outage) {
		offAirUntilNanos = System.nanoTime() + outage.toNanos();
	}

	private boolean offAir() {
		return System.nanoTime() - offAirUntilNanos < 0;
	}

	/** ffmpeg makes a live HLS playlist of a tone under {@code dir/hls}, one-second segments, in real time. */
	public void startHls(Path dir) throws IOException {
		Path out = Files.createDirectories(dir.resolve("hls"));
		hls = new ProcessBuilder(TestAudio.ffmpeg(), "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
				"sine=frequency=520:sample_rate=44100", "-ac", "1", "-c:a", "aac", "-b:a", "64k", "-f", "hls",
				"-hls_time", "1", "-hls_list_size", "6", "-hls_flags", "delete_segments",
				out.resolve("live.m3u8").toString()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private void stream(HttpExchange exchange, byte[] mp3) {
		try (exchange; OutputStream out = exchange.getResponseBody()) {
			if (offAir()) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
			exchange.sendResponseHeaders(200, 0);
			long sent = BYTES_PER_SECOND;
			out.write(loop(mp3, 0, BYTES_PER_SECOND));
			out.flush();
			long begin = System.nanoTime();
			int chunk = BYTES_PER_SECOND / 10;
			for (long tick = 1;; tick++) {
				LockSupport.parkNanos(begin + tick * 100_000_000L - System.nanoTime());
				if (offAir()) {
					continue;
				}
				out.write(loop(mp3, sent, chunk));
				out.flush();
				sent += chunk;
			}
		}
		catch (IOException e) {
			// the listener hung up
		}
	}

	/** {@code length} bytes of the endless stream that repeats {@code mp3}, from {@code position}. */
	private static byte[] loop(byte[] mp3, long position, int length) {
		byte[] out = new byte[length];
		for (int i = 0; i < length; i++) {
			out[i] = mp3[(int) ((position + i) % mp3.length)];
		}
		return out;
	}

	private static void file(HttpExchange exchange, Path dir) throws IOException {
		try (exchange) {
			Path file = dir.resolve(Path.of(exchange.getRequestURI().getPath()).getFileName().toString());
			if (!Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = Files.readAllBytes(file);
			exchange.getResponseHeaders().add("Content-Type", file.toString().endsWith(".m3u8")
					? "application/vnd.apple.mpegurl" : "video/mp2t");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	private static byte[] mp3(Path file, String source) throws IOException {
		TestAudio.run(List.of("-y", "-f", "lavfi", "-i", source, "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k",
				"-write_xing", "0", "-id3v2_version", "0", file.toString()));
		return Files.readAllBytes(file);
	}

	@Override
	public void close() {
		if (hls != null) {
			hls.destroyForcibly();
		}
		server.stop(0);
		threads.shutdownNow();
	}
}
