package vn.loaxa.broadcast;

import vn.loaxa.config.UserError;

public class RecordNotFound extends UserError {

	public RecordNotFound(long id) {
		super(404, "record_not_found", "broadcast.error.notFound", id);
	}
}
