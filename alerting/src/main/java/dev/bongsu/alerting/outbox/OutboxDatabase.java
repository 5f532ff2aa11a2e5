package dev.bongsu.alerting.outbox;

import dev.bongsu.alerting.silence.SilenceStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * outbox.db (SQLite): notifications and silences. Every statement runs on one dedicated writer thread, never
 * on an event loop; callers get futures back on their own context.
 */
public final class OutboxDatabase {
    /** Work done with the connection on the database thread. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs with the open connection. */
        T run(Connection c) throws Exception;
    }

    private final Path file;
    private final WorkerExecutor thread;
    private Connection connection;

    /** A database at {@code file}; nothing is opened until {@link #open()}. */
    public OutboxDatabase(Vertx vertx, Path file) {
        this.file = file;
        this.thread = vertx.createSharedWorkerExecutor("bongsu-outbox-db-" + file.toAbsolutePath(), 1, 60, TimeUnit.SECONDS);
    }

    /** Opens the file (creating directory, file and tables) on the database thread. */
    public Future<Void> open() {
        return thread.executeBlocking(() -> {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // Durable before any delivery attempt: a row written is on disk when the write returns.
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            OutboxStore.createSchema(connection);
            SilenceStore.createSchema(connection);
            return null;
        });
    }

    /** Runs work on the database thread. */
    public <T> Future<T> run(Work<T> work) {
        return thread.executeBlocking(() -> {
            if (connection == null) {
                throw new IllegalStateException("outbox database " + file + " is not open");
            }
            return work.run(connection);
        });
    }

    /** Closes the connection and the thread. */
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

    static IOException wrap(SQLException e) {
        return new IOException(e.getMessage(), e);
    }
}
