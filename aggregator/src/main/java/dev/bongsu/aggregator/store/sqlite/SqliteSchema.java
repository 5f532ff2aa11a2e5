package dev.bongsu.aggregator.store.sqlite;

import dev.bongsu.model.store.SchemaVersion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of {@code results.db} and their migrations. The version lives in table {@code schema_version};
 * a later Bongsu adds a step to {@link #MIGRATIONS} and every older file is brought up to date at open.
 */
final class SqliteSchema {
    /** The version this code writes. */
    static final int CURRENT = 1;

    /** {@code MIGRATIONS.get(v - 1)} brings a file from version {@code v - 1} to {@code v}; version 0 is an empty file. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            // One row per check × vantage; results and rollups refer to it by a small integer.
            "CREATE TABLE series (id INTEGER PRIMARY KEY, check_id TEXT NOT NULL, service_id TEXT NOT NULL, vantage TEXT NOT NULL)",
            "CREATE UNIQUE INDEX series_check_vantage ON series (check_id, vantage)",
            "CREATE INDEX series_service ON series (service_id)",
            // Timings in integer microseconds (NULL = not measured): 2-4 bytes each instead of 8 for a REAL.
            "CREATE TABLE result (series_id INTEGER NOT NULL, t INTEGER NOT NULL, ok INTEGER NOT NULL, error TEXT,"
                    + " status INTEGER NOT NULL, dns_us INTEGER, connect_us INTEGER, tls_us INTEGER, first_byte_us INTEGER,"
                    + " total_us INTEGER NOT NULL, cert_days REAL, detail TEXT, PRIMARY KEY (series_id, t)) WITHOUT ROWID",
            "CREATE TABLE rollup (series_id INTEGER NOT NULL, minute INTEGER NOT NULL, count INTEGER NOT NULL,"
                    + " ok_count INTEGER NOT NULL, p50_us INTEGER NOT NULL, p95_us INTEGER NOT NULL, p99_us INTEGER NOT NULL,"
                    + " max_us INTEGER NOT NULL, errors TEXT, PRIMARY KEY (series_id, minute)) WITHOUT ROWID",
            // Per service and hour, merged over checks and vantages; p50/p95 kept as sums of value × count.
            "CREATE TABLE service_hour (service_id TEXT NOT NULL, hour INTEGER NOT NULL, count INTEGER NOT NULL,"
                    + " ok_count INTEGER NOT NULL, p50_sum_us INTEGER NOT NULL, p95_sum_us INTEGER NOT NULL,"
                    + " max_us INTEGER NOT NULL, PRIMARY KEY (service_id, hour)) WITHOUT ROWID"));

    private SqliteSchema() {
    }

    /** Creates or migrates the schema of the open file; refuses a file written by a newer Bongsu. */
    static void ensure(Connection c, Path file) throws SQLException {
        int version = version(c);
        if (version > CURRENT) {
            throw SchemaVersion.newer(file, version, CURRENT);
        }
        if (version == CURRENT) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            for (int v = version + 1; v <= CURRENT; v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
            }
            s.execute("DELETE FROM schema_version");
            s.execute("INSERT INTO schema_version (version) VALUES (" + CURRENT + ")");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The schema version of the file; 0 when it has none yet. */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
