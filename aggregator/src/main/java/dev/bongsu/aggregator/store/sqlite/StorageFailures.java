package dev.bongsu.aggregator.store.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/** One sentence for an operator about a failed write to a database file, naming the directory when the disk is full. */
final class StorageFailures {
    /** SQLite's primary result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;

    private StorageFailures() {
    }

    /** {@code /var/lib/bongsu: no space left on the device (results.db: …)} when full, else {@code FILE: write failed: …}. */
    static String describe(Path file, Throwable e) {
        if (isNoSpace(e)) {
            return file.getParent() + ": no space left on the device (" + file.getFileName() + ": " + e.getMessage() + ")";
        }
        return file + ": write failed: " + e.getMessage();
    }

    /** Whether the failure is a full disk (SQLITE_FULL, or an I/O error saying so). */
    static boolean isNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_FULL) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("sqlite_full") || m.contains("disk is full") || m.contains("no space left")) {
                return true;
            }
        }
        return false;
    }
}
