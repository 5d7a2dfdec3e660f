package vn.loaxa.media;

/**
 * How a clip came in: uploaded through the web/API, found in the media folder, spoken from typed text,
 * recorded from the microphone during a live announcement (Phát trực tiếp), or sent down by the
 * province's hub as a bulletin (Bản tin từ tỉnh).
 */
public enum ClipSource {
	UPLOAD, MEDIA_DIR, TEXT, LIVE, PROVINCE
}
