package dev.bongsu.aggregator.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Deletes raw results and rollups older than their retention in small steps, so the writer can interleave
 * fresh writes between them: each step is one short transaction of at most a few thousand rows.
 */
final class PruneJob {
    private static final int CHUNK_ROWS = 2_000;
    private static final int STEP_ROWS = 5_000;
    private static final int STEP_STATEMENTS = 2_000;

    private enum Phase { RAW, ROLLUP, HOURS, DONE }

    private final long rawCutoff;
    private final long rollupCutoff;
    private List<Long> seriesIds;
    private Phase phase = Phase.RAW;
    private int index;
    private long deleted;

    /** Deletes results started before {@code rawCutoff} and rollups of minutes before {@code rollupCutoff} (epoch ms). */
    PruneJob(long rawCutoff, long rollupCutoff) {
        this.rawCutoff = rawCutoff;
        this.rollupCutoff = rollupCutoff;
    }

    /** Runs one step inside the caller's transaction over the series known at the first step; returns whether the job is finished. */
    boolean step(Connection c, Collection<Long> knownSeries) throws SQLException {
        if (seriesIds == null) {
            seriesIds = List.copyOf(knownSeries);
        }
        int rows = 0;
        int statements = 0;
        try (PreparedStatement raw = c.prepareStatement("DELETE FROM result WHERE series_id = ?1 AND t IN"
                + " (SELECT t FROM result WHERE series_id = ?1 AND t < ?2 ORDER BY t LIMIT ?3)");
             PreparedStatement rollup = c.prepareStatement("DELETE FROM rollup WHERE series_id = ?1 AND minute IN"
                     + " (SELECT minute FROM rollup WHERE series_id = ?1 AND minute < ?2 ORDER BY minute LIMIT ?3)");
             PreparedStatement hours = c.prepareStatement("DELETE FROM service_hour WHERE (service_id, hour) IN"
                     + " (SELECT service_id, hour FROM service_hour WHERE hour < ?1 LIMIT ?2)")) {
            while (phase != Phase.DONE && rows < STEP_ROWS && statements < STEP_STATEMENTS) {
                statements++;
                int n;
                if (phase == Phase.HOURS) {
                    hours.setLong(1, rollupCutoff);
                    hours.setInt(2, CHUNK_ROWS);
                    n = hours.executeUpdate();
                    if (n < CHUNK_ROWS) {
                        phase = Phase.DONE;
                    }
                } else {
                    PreparedStatement s = phase == Phase.RAW ? raw : rollup;
                    if (index < seriesIds.size()) {
                        s.setLong(1, seriesIds.get(index));
                        s.setLong(2, phase == Phase.RAW ? rawCutoff : rollupCutoff);
                        s.setInt(3, CHUNK_ROWS);
                        n = s.executeUpdate();
                    } else {
                        n = 0;
                    }
                    if (n < CHUNK_ROWS) {
                        index++;
                    }
                    if (index >= seriesIds.size()) {
                        index = 0;
                        phase = phase == Phase.RAW ? Phase.ROLLUP : Phase.HOURS;
                    }
                }
                rows += n;
            }
        }
        deleted += rows;
        return phase == Phase.DONE;
    }

    /** Rows deleted so far. */
    long deleted() {
        return deleted;
    }
}
