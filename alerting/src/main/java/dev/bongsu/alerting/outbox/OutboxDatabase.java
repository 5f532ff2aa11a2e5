package dev.bongsu.alerting.outbox;

import dev.bongsu.alerting.silence.SilenceStore;
import dev.bongsu.model.store.SqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * outbox.db (SQLite): notifications and silences, opened like every Bongsu store through {@link SqliteDatabase} (one
 * dedicated thread, never an event loop; WAL; {@code synchronous=FULL}, so a row written is on disk before any
 * delivery attempt). Callers get futures back on their own context.
 */
public final class OutboxDatabase {
    /** Work done with the connection on the database thread. */
    @FunctionalInterface
    public interface Work<T> extends SqliteDatabase.Work<T> {
    }

    private final SqliteDatabase db;

    /** A database at {@code file}; nothing is opened until {@link #open()}. */
    public OutboxDatabase(Vertx vertx, Path file) {
        this.db = new SqliteDatabase(vertx, "outbox", file);
    }

    /** Opens the file (creating directory, file and tables) on the database thread. */
    public Future<Void> open() {
        return db.open(c -> {
            OutboxStore.createSchema(c);
            SilenceStore.createSchema(c);
            return null;
        });
    }

    /** Runs work on the database thread. */
    public <T> Future<T> run(Work<T> work) {
        return db.run(work);
    }

    /** Closes the connection and the thread. */
    public Future<Void> close() {
        return db.close();
    }

    /** The database file. */
    public Path file() {
        return db.file();
    }
}
