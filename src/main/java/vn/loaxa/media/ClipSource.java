package vn.loaxa.media;

/** How a clip came in: uploaded through the web/API, or found in the media folder. */
public enum ClipSource {
	UPLOAD, MEDIA_DIR
}
