package vn.loaxa.media;

/** How a clip came in: uploaded through the web/API, found in the media folder, or spoken from typed text. */
public enum ClipSource {
	UPLOAD, MEDIA_DIR, TEXT
}
