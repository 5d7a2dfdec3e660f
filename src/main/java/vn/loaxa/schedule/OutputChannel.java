package vn.loaxa.schedule;

/**
 * Kênh phát: one audio output (a Java Sound mixer by name, {@code default}, or {@code file} for
 * the file sink). Zones on one channel share its audio.
 */
public record OutputChannel(String id, String name, String output) {

	public boolean isFile() {
		return "file".equalsIgnoreCase(output);
	}
}
