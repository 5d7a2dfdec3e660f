package vn.loaxa.province.internal;

/**
 * A bundle the hub does not take, and why: {@code code} for scripts ({@code bad_bundle},
 * {@code unknown_commune}, {@code bad_signature}, {@code chain_broken}, {@code history_rewritten}),
 * a Vietnamese message key, and the first record at fault where there is one.
 */
public class EvidenceRefused extends RuntimeException {

	private final int status;
	private final String code;
	private final Long recordId;
	private final transient Object[] args;

	public EvidenceRefused(int status, String code, Long recordId, Object... args) {
		super(code + (recordId == null ? "" : " at record " + recordId));
		this.status = status;
		this.code = code;
		this.recordId = recordId;
		this.args = args;
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Long recordId() {
		return recordId;
	}

	public String messageKey() {
		return "province.error." + code;
	}

	public Object[] args() {
		return args;
	}
}
