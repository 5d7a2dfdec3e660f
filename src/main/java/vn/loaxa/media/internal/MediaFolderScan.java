package vn.loaxa.media.internal;

import java.util.List;

import vn.loaxa.config.UserError;

/** What a scan of the media folder did: files imported, already known, refused (with why). */
public record MediaFolderScan(List<String> imported, List<String> known, List<Refusal> refused) {

	public record Refusal(String file, UserError reason) {
	}
}
