package vn.loaxa.config;

/**
 * An error the user caused and can fix: mapped once, in {@code web}, to a 4xx status, a stable
 * code for scripts and a message from {@code messages_vi.properties} for people.
 */
public class UserError extends RuntimeException {

	private final int status;
	private final String code;
	private final String messageKey;
	private final transient Object[] args;
	/** The input field the error is about (API {@code field}), or null. */
	private String field;

	public UserError(int status, String code, String messageKey, Object... args) {
		super(code + ": " + messageKey);
		this.status = status;
		this.code = code;
		this.messageKey = messageKey;
		this.args = args;
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public String field() {
		return field;
	}

	/** Names the field the error is about, for the API's {@code field}; returns this. */
	public UserError withField(String name) {
		this.field = name;
		return this;
	}
}
