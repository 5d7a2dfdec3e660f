package vn.loaxa.schedule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tiếp sóng: a station relayed on schedule (VOV, the provincial station). Either a list of stream
 * addresses ({@code urls}: HLS, Icecast/Shoutcast, plain HTTP audio; the first that answers plays,
 * the others are fall-backs in order) or a receiver on the sound card's input ({@code input}: a
 * capture mixer name or {@code default}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Relay(String id, String name, List<String> urls, String input) {

	/** The schemes a relay's address may have. */
	public static final List<String> SCHEMES = List.of("http", "https");

	public Relay {
		urls = urls == null ? List.of() : List.copyOf(urls);
		input = input == null || input.isBlank() ? null : input;
	}

	/** Whether the relay is a receiver on the sound card's input rather than stream addresses. */
	public boolean isInput() {
		return input != null;
	}

	/** Whether an address has a scheme a relay plays: http or https, with a host. */
	public static boolean playableUrl(String url) {
		try {
			java.net.URI uri = new java.net.URI(url);
			return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
					&& uri.getHost() != null;
		}
		catch (java.net.URISyntaxException | NullPointerException e) {
			return false;
		}
	}
}
