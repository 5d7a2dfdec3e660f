package vn.loaxa.media;

/** Library search: free text (accents optional) and any of kind, topic, status; null means any. */
public record ClipFilter(String text, ClipKind kind, Topic topic, ClipStatus status) {

	public static final ClipFilter ALL = new ClipFilter(null, null, null, null);

	boolean matches(Clip clip) {
		return (kind == null || clip.getKind() == kind) && (topic == null || clip.getTopic() == topic)
				&& (status == null || clip.getStatus() == status) && matchesText(clip);
	}

	private boolean matchesText(Clip clip) {
		if (text == null || text.isBlank()) {
			return true;
		}
		String needle = ClipRules.fold(text);
		return ClipRules.fold(clip.getTitle()).contains(needle)
				|| (clip.getNotes() != null && ClipRules.fold(clip.getNotes()).contains(needle))
				|| ClipRules.fold(clip.getOriginalName()).contains(needle);
	}
}
