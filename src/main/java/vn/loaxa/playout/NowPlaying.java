package vn.loaxa.playout;

import java.time.Instant;
import java.util.List;

/** What a channel is airing at this moment, for the "đang phát" page and API. */
public record NowPlaying(String channelId, String slotName, List<String> zones, String item, Long clipId,
		Instant itemStart, long itemDurationMs, int index, int count, List<String> upcoming) {
}
