package vn.loaxa.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a plan target counts: distinct clips aired (số tin, bài), airings (lượt phát), or whole minutes
 * relayed (phút tiếp sóng; {@code relayMinutes} in JSON), of one relay or of all.
 */
public enum Measure {
	CLIPS, AIRINGS, @JsonProperty("relayMinutes") RELAY_MINUTES;

	public String messageKey() {
		return "measure." + name();
	}

	/** As JSON spells it: CLIPS, AIRINGS, relayMinutes. */
	public String code() {
		return this == RELAY_MINUTES ? "relayMinutes" : name();
	}

	/** The measure a form or request names, by its JSON spelling or its name; null when none is. */
	static Measure parse(String text) {
		String typed = text == null ? "" : text.strip();
		for (Measure m : values()) {
			if (m.name().equals(typed) || m.code().equals(typed)) {
				return m;
			}
		}
		return null;
	}
}
