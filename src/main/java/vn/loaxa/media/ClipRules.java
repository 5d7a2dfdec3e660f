package vn.loaxa.media;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import vn.loaxa.media.internal.ClipDetails;
import vn.loaxa.media.internal.ImportRefused;

/** How a clip's metadata is completed and checked, the same for uploads, the media folder and edits. */
final class ClipRules {

	static final int MAX_TITLE = 300;
	static final int MAX_NOTES = 2000;

	private static final Map<String, ClipKind> KIND_WORDS = Map.of("tin", ClipKind.NEWS, "bai", ClipKind.ARTICLE,
			"phong su", ClipKind.REPORTAGE, "khau hieu", ClipKind.SLOGAN, "thong bao", ClipKind.ANNOUNCEMENT);

	private ClipRules() {
	}

	static ClipDetails complete(ClipDraft draft, AudioTags tags, String fileName) {
		String title = draft.title() != null && !draft.title().isBlank() ? draft.title()
				: tags.title() != null ? tags.title() : TextCleaner.titleFromFileName(fileName);
		ClipKind kind = draft.kind() != null ? draft.kind() : kindFromComment(tags.comment());
		ClipDetails details = new ClipDetails(title, kind, draft.topic() == null ? Topic.OTHER : draft.topic(),
				draft.priority() == null ? Priority.NORMAL : draft.priority(), draft.validFrom(), draft.validUntil(),
				draft.notes());
		return check(details);
	}

	/** Cleans and checks details typed by a person; refuses what cannot be stored as given. */
	static ClipDetails check(ClipDetails details) {
		if (details.title() != null && details.title().strip().length() > MAX_TITLE) {
			throw ImportRefused.badRequest("title_too_long", MAX_TITLE);
		}
		String title = TextCleaner.singleLine(details.title(), MAX_TITLE);
		if (title == null) {
			throw ImportRefused.badRequest("title_required");
		}
		if (details.notes() != null && details.notes().length() > MAX_NOTES) {
			throw ImportRefused.badRequest("notes_too_long", MAX_NOTES);
		}
		if (details.kind() == null || details.topic() == null || details.priority() == null) {
			throw ImportRefused.badRequest("metadata_required");
		}
		if (details.validFrom() != null && details.validUntil() != null
				&& details.validUntil().isBefore(details.validFrom())) {
			throw ImportRefused.badRequest("validity_reversed");
		}
		return new ClipDetails(title, details.kind(), details.topic(), details.priority(), details.validFrom(),
				details.validUntil(), TextCleaner.multiLine(details.notes(), MAX_NOTES));
	}

	static ClipKind kindFromComment(String comment) {
		if (comment == null) {
			return ClipKind.NEWS;
		}
		String folded = fold(comment);
		for (ClipKind kind : ClipKind.values()) {
			if (folded.equals(kind.name().toLowerCase(Locale.ROOT))) {
				return kind;
			}
		}
		return KIND_WORDS.getOrDefault(folded, ClipKind.NEWS);
	}

	/** Lower case without diacritics, so "Chuyển đổi số" matches a search for "chuyen doi so". */
	static String fold(String text) {
		String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd');
	}
}
