package dev.bongsu.aggregator.store.sqlite;

import java.time.Duration;

/**
 * Tuning of the embedded store; {@link #defaults()} suits a single node with thousands of checks.
 *
 * @param maxQueuedRows         results and rollups accepted but not yet committed before writes are refused (100,000)
 * @param maxRowsPerTransaction rows the writer commits together at most (10,000)
 * @param readThreads           threads and connections serving reads (2)
 * @param pruneInterval         how often rows past their retention are deleted (1 minute)
 */
public record SqliteStoreOptions(long maxQueuedRows, int maxRowsPerTransaction, int readThreads, Duration pruneInterval) {
    public SqliteStoreOptions {
        if (maxQueuedRows < 1 || maxRowsPerTransaction < 1 || readThreads < 1) {
            throw new IllegalArgumentException("maxQueuedRows, maxRowsPerTransaction and readThreads must be at least 1, found "
                    + maxQueuedRows + ", " + maxRowsPerTransaction + ", " + readThreads);
        }
        if (pruneInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pruneInterval must be at least 1 ms, found " + pruneInterval);
        }
    }

    /** The defaults listed above. */
    public static SqliteStoreOptions defaults() {
        return new SqliteStoreOptions(100_000, 10_000, 2, Duration.ofMinutes(1));
    }

    /** These options with another queue limit. */
    public SqliteStoreOptions withMaxQueuedRows(long rows) {
        return new SqliteStoreOptions(rows, maxRowsPerTransaction, readThreads, pruneInterval);
    }
}
