package vn.loaxa.programme;

import java.nio.file.Path;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;

/**
 * One item of a programme: the intro tune, a clip, or the outro tune; {@code offsetMs} is its
 * planned start from the programme's start. Tunes have no clip id and are never logged.
 */
public record ProgrammeItem(Part part, Long clipId, String title, String sha256, ClipKind kind, Topic topic,
		Priority priority, long durationMs, long offsetMs, Path audio, boolean pinned) {

	public enum Part {
		INTRO, CLIP, OUTRO
	}

	public boolean isClip() {
		return part == Part.CLIP;
	}
}
