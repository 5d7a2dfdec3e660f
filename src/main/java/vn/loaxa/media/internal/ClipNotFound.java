package vn.loaxa.media.internal;

import vn.loaxa.config.UserError;

public class ClipNotFound extends UserError {

	public ClipNotFound(Object id) {
		// as text: MessageFormat would group the digits of a number ("987.654" in Vietnamese)
		super(404, "clip_not_found", "clip.error.notFound", String.valueOf(id));
	}
}
