package vn.loaxa.media;

import vn.loaxa.config.UserError;

public class ClipNotFound extends UserError {

	public ClipNotFound(Object id) {
		super(404, "clip_not_found", "clip.error.notFound", id);
	}
}
