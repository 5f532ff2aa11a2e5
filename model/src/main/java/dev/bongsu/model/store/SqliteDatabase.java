package dev.bongsu.model.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * One SQLite file with one connection, used from one dedicated worker thread (never an event loop): the one place
 * new stores open SQLite. WAL journal, {@code synchronous=FULL} (a write is on disk when its future completes),
 * a busy timeout; the directory is created when missing.
 */
public final class SqliteDatabase {
    /** Work done with the open connection on the database thread. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs with the open connection. */
        T run(Connection c) throws Exception;
    }

    private final Path file;
    private final WorkerExecutor thread;
    private Connection connection;

    /** A database at {@code file}, named {@code name} in thread names; nothing is opened until {@link #open}. */
    public SqliteDatabase(Vertx vertx, String name, Path file) {
        this.file = file;
        this.thread = vertx.createSharedWorkerExecutor("bongsu-db-" + name + "-" + file.toAbsolutePath(), 1, 60, TimeUnit.SECONDS);
    }

    /**
     * Opens the file and runs {@code schema} (create tables) on the database thread, as schema version 1: a file
     * written by a newer Bongsu (a higher {@link SchemaVersion}) is refused with {@link NewerSchemaException}.
     */
    public Future<Void> open(Work<Void> schema) {
        return open(1, schema);
    }

    /**
     * Opens the file and runs {@code schema} (create or migrate tables to {@code schemaVersion}) on the database
     * thread, then records the version in the file. A file of a higher version (written by a newer Bongsu) is refused
     * with {@link NewerSchemaException} before its tables are touched. Raise the version when the tables change and make
     * {@code schema} migrate every older version.
     */
    public Future<Void> open(int schemaVersion, Work<Void> schema) {
        return thread.executeBlocking(() -> {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            try {
                int found = SchemaVersion.check(connection, file, schemaVersion);
                schema.run(connection);
                if (found != schemaVersion) {
                    SchemaVersion.record(connection, schemaVersion);
                }
            } catch (Exception e) {
                connection.close();
                connection = null;
                throw e;
            }
            return null;
        });
    }

    /** Runs work on the database thread; fails when the database is not open. */
    public <T> Future<T> run(Work<T> work) {
        return thread.executeBlocking(() -> {
            if (connection == null) {
                throw new IllegalStateException("database " + file + " is not open");
            }
            return work.run(connection);
        });
    }

    /** Closes the connection, then the thread. */
    public Future<Void> close() {
        return thread.<Void>executeBlocking(() -> {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            return null;
        }).eventually(() -> thread.close());
    }

    /** The database file. */
    public Path file() {
        return file;
    }
}
