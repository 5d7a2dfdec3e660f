package vn.loaxa.schedule;

import java.util.List;

/** Zones that share slots, e.g. "Toàn xã" or "Các bản vùng cao". */
public record ZoneGroup(String id, String name, List<String> zoneIds) {

	public ZoneGroup {
		zoneIds = List.copyOf(zoneIds);
	}
}
