package vn.loaxa.backup;

/** The backup could not be written at all (the reason is recorded in {@link BackupStatus}). */
public class BackupFailed extends RuntimeException {

	BackupFailed(String reason, Throwable cause) {
		super(reason, cause);
	}
}
