package vn.loaxa.schedule;

import vn.loaxa.config.UserError;

/**
 * A mistake in a plan file or slot form, with where it is: message {@code schedule.error.<code>}
 * gets the file as {0}, the line as {1}, and the details after.
 */
public class PlanError extends UserError {

	private final String file;
	private final int line;

	public PlanError(String file, int line, String code, Object... details) {
		super(400, "schedule_" + code, "schedule.error." + code, args(file, line, details));
		this.file = file;
		this.line = line;
	}

	private static Object[] args(String file, int line, Object... details) {
		Object[] all = new Object[details.length + 2];
		all[0] = file;
		all[1] = line;
		System.arraycopy(details, 0, all, 2, details.length);
		return all;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	@Override
	public String toString() {
		return file + ":" + line + " " + code() + " " + java.util.Arrays.toString(args());
	}
}
