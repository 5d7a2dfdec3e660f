package vn.loaxa.media.internal;

import vn.loaxa.config.UserError;

/** An action the clip's current status does not allow (approve an archived clip, …). */
public class ClipStateException extends UserError {

	public ClipStateException(String messageKey, Object... args) {
		super(409, "clip_state", messageKey, args);
	}
}
