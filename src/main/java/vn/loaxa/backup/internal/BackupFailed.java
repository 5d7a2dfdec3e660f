package vn.loaxa.backup.internal;

/** The backup could not be written at all (the reason is recorded in {@link BackupStatus}). */
public class BackupFailed extends RuntimeException {

	public BackupFailed(String reason, Throwable cause) {
		super(reason, cause);
	}
}
