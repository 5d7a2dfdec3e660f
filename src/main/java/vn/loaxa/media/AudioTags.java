package vn.loaxa.media;

/** What the file's own tags say (ID3v2, Vorbis comments, MP4 atoms); each may be null. */
record AudioTags(String title, String artist, String comment) {

	static final AudioTags NONE = new AudioTags(null, null, null);
}
