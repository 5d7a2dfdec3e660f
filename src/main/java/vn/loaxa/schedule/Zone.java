package vn.loaxa.schedule;

import java.time.Duration;
import java.util.List;

/**
 * Thôn / bản / tổ dân phố: a residential group's loudspeaker cluster on one channel. The switch
 * commands are argument lists (never a shell line); empty means the switch is only logged.
 */
public record Zone(String id, String name, String channelId, List<String> switchOn, List<String> switchOff,
		Duration settle) {

	public Zone {
		switchOn = switchOn == null ? List.of() : List.copyOf(switchOn);
		switchOff = switchOff == null ? List.of() : List.copyOf(switchOff);
		settle = settle == null ? Duration.ZERO : settle;
	}

	public boolean hasSwitchCommand() {
		return !switchOn.isEmpty() || !switchOff.isEmpty();
	}
}
