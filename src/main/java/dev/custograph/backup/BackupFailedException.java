package dev.custograph.backup;

/** A backup, verification or restore that could not be done; the message says why, naming the file. */
public final class BackupFailedException extends RuntimeException {

    public BackupFailedException(String message) {
        super(message);
    }

    public BackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
