package vn.loaxa.media;

/**
 * How a clip came in: uploaded through the web/API, found in the media folder, spoken from typed text,
 * or recorded from the microphone during a live announcement (Phát trực tiếp).
 */
public enum ClipSource {
	UPLOAD, MEDIA_DIR, TEXT, LIVE
}
