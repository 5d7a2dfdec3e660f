package vn.loaxa.backup.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code clips-manifest.tsv} of a backup folder: every clip file the database names, relative to
 * the clip store, with its size and SHA-256 ({@code ab/<sha>.mp3\t1234\t<sha of the file>}). A
 * manifest of an older release has no SHA-256 column.
 */
public final class Manifest {

	public static final String NAME = "clips-manifest.tsv";

	public record Entry(String path, long bytes, String sha256) {
	}

	private Manifest() {
	}

	public static void write(Path file, List<Entry> entries) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("# file\tbytes\tsha256\n");
			for (Entry e : entries) {
				out.write(e.path() + "\t" + e.bytes() + "\t" + e.sha256() + "\n");
			}
		}
	}

	public static List<Entry> read(Path file) throws IOException {
		List<Entry> entries = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] cells = line.split("\t");
				if (cells.length < 2 || cells[0].contains("..") || cells[0].startsWith("/")) {
					throw new IOException(file + ": not a manifest line: " + line);
				}
				entries.add(new Entry(cells[0], Long.parseLong(cells[1]), cells.length > 2 ? cells[2] : null));
			}
		}
		return entries;
	}
}
