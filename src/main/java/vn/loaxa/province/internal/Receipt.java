package vn.loaxa.province.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.UserError;

/**
 * What a commune tells the hub of a bulletin, signed with the commune's key: RECEIVED (fetched,
 * verified, imported; {@code zones} it has), EXPIRED (it came after its validity ended), REJECTED
 * (the officer refused it, {@code reason}), REFUSED (its signature or audio did not check out) or
 * CANCEL_SEEN (its withdrawal is applied).
 */
public record Receipt(int format, long bulletinId, String commune, String state, Instant at, Integer zones, String reason) {

	static final java.util.Set<String> STATES = java.util.Set.of("RECEIVED", "EXPIRED", "REJECTED", "REFUSED",
			"CANCEL_SEEN");

	String text(ObjectMapper json) {
		try {
			return json.writeValueAsString(this);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Receipt read(String text, ObjectMapper json) {
		Receipt receipt;
		try {
			receipt = json.readValue(text, Receipt.class);
		}
		catch (IOException e) {
			throw new UserError(400, "bad_receipt", "bulletin.error.receipt");
		}
		if (!STATES.contains(receipt.state()) || receipt.at() == null) {
			throw new UserError(400, "bad_receipt", "bulletin.error.receipt");
		}
		return receipt;
	}
}

