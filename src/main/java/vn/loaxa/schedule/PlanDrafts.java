package vn.loaxa.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import vn.loaxa.config.UserError;

/**
 * The field checks of a channel, zone or group typed in a form or sent to the API: the rules the
 * plan files' reader applies (ids of lower-case letters, digits and dashes; a name, or the id), plus
 * limits a file never needed (lengths, control characters). Each refusal names its field.
 */
final class PlanDrafts {

	static final int NAME_MAX = 100;
	static final int TEXT_MAX = 500;
	static final int COMMAND_PARTS_MAX = 32;
	static final Duration SETTLE_MAX = Duration.ofSeconds(60);

	private PlanDrafts() {
	}

	static OutputChannel channel(PlanEditor.ChannelDraft d, String existingId) {
		String id = id(d.id(), existingId);
		String output = text(d.output(), "output", TEXT_MAX);
		return new OutputChannel(id, name(d.name(), id), output == null ? "default" : output);
	}

	static Zone zone(PlanEditor.ZoneDraft d, String existingId) {
		String id = id(d.id(), existingId);
		String channel = text(d.channel(), "channel", 64);
		if (channel == null) {
			throw bad("missing", "channel");
		}
		return new Zone(id, name(d.name(), id), channel, command(d.switchOn(), "switchOn"),
				command(d.switchOff(), "switchOff"), settle(d.settle()));
	}

	static ZoneGroup group(PlanEditor.GroupDraft d, String existingId) {
		String id = id(d.id(), existingId);
		if (d.zones() == null || d.zones().isEmpty()) {
			throw bad("missing", "zones");
		}
		LinkedHashSet<String> zones = new LinkedHashSet<>();
		for (String zone : d.zones()) {
			String z = text(zone, "zones", 64);
			if (z == null || !zones.add(z)) {
				throw bad(z == null ? "missing" : "repeated", "zones");
			}
		}
		return new ZoneGroup(id, name(d.name(), id), List.copyOf(zones));
	}

	static final int URLS_MAX = 16;

	/** A relay: stream addresses (http or https, at most {@value #URLS_MAX}) or a sound card input, one of them. */
	static Relay relay(PlanEditor.RelayDraft d, String existingId) {
		String id = id(d.id(), existingId);
		String input = text(d.input(), "input", TEXT_MAX);
		List<String> urls = new ArrayList<>();
		if (d.urls() != null) {
			if (d.urls().size() > URLS_MAX) {
				throw bad("tooLong", "urls", URLS_MAX);
			}
			for (String typed : d.urls()) {
				String url = text(typed, "urls", TEXT_MAX);
				if (url == null) {
					throw bad("missing", "urls");
				}
				if (!Relay.playableUrl(url)) {
					throw bad("url", "urls", url);
				}
				urls.add(url);
			}
		}
		if (urls.isEmpty() && input == null) {
			throw bad("missing", "urls");
		}
		if (!urls.isEmpty() && input != null) {
			throw bad("relayBoth", "input");
		}
		return new Relay(id, name(d.name(), id), urls, input);
	}

	/** Creating: the id typed, checked. Editing: the id stays (a typed one must be the same). */
	private static String id(String typed, String existingId) {
		String id = typed == null || typed.isBlank() ? existingId : typed.trim();
		if (id == null) {
			throw bad("missing", "id");
		}
		if (existingId != null && !id.equals(existingId)) {
			throw bad("idChange", "id");
		}
		if (!PlanReader.ID.matcher(id).matches()) {
			throw bad("id", "id");
		}
		return id;
	}

	private static String name(String typed, String id) {
		String name = text(typed, "name", NAME_MAX);
		return name == null ? id : name;
	}

	/** Trimmed; null when blank; refused when too long or with control characters. */
	private static String text(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
		if (v.length() > max) {
			throw bad("tooLong", field, max);
		}
		if (v.chars().anyMatch(Character::isISOControl)) {
			throw bad("control", field);
		}
		return v;
	}

	private static List<String> command(List<String> parts, String field) {
		if (parts == null || parts.isEmpty()) {
			return List.of();
		}
		if (parts.size() > COMMAND_PARTS_MAX) {
			throw bad("tooLong", field, COMMAND_PARTS_MAX);
		}
		List<String> result = new ArrayList<>();
		for (String part : parts) {
			String p = text(part, field, TEXT_MAX);
			if (p == null) {
				throw bad("missing", field);
			}
			result.add(p);
		}
		return result;
	}

	private static Duration settle(String typed) {
		if (typed == null || typed.isBlank()) {
			return Duration.ofSeconds(2);
		}
		Duration d = PlanReader.parseLength(typed.trim());
		if (d == null || d.compareTo(SETTLE_MAX) > 0) {
			throw bad("settle", "settle", SETTLE_MAX.toSeconds());
		}
		return d;
	}

	private static UserError bad(String what, String field, Object... more) {
		Object[] args = new Object[more.length + 1];
		// the field's label in the reader's language ("tên", "kênh phát"), its name where none is known
		args[0] = new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "schedule.field." + field }, field);
		System.arraycopy(more, 0, args, 1, more.length);
		return new UserError(400, ("missing".equals(what) ? "missing_" : "invalid_") + field, "schedule.edit." + what, args)
			.withField(field);
	}
}
