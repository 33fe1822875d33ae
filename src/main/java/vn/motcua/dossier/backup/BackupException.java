package vn.motcua.dossier.backup;

/** A backup or restore that cannot go on, with the reason in words an operator can act on. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
