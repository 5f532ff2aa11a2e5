package dev.bongsu.model.replica;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * Operator-made records that every server of a cluster must hold alike — silences, human incident updates — as a
 * server's own durable store exposes them to replication. A record is a JSON object with at least a globally unique
 * {@code id} (text) and a {@code version} (a number that grows with every change of that record; the higher version
 * wins, ties broken by the larger encoded JSON so that every server settles on the same copy). A removed record is
 * kept as a tombstone ({@code "deleted": true}) so that a removal also travels.
 *
 * <p>The store stays the durable copy: a server that starts alone works from it, and replication only adds what
 * other servers made.
 */
public interface SharedRecords {
    /** The kind of record, unique per server ({@code silences}, {@code updates}); names the cluster map. */
    String kind();

    /** Every record this server holds, tombstones included. */
    Future<List<JsonObject>> all();

    /**
     * Stores a record made on another server when it is newer than this server's copy (see the class comment);
     * applying the same record twice changes nothing, and an applied record is not reported to
     * {@link #onLocalChange}.
     */
    Future<Void> apply(JsonObject record);

    /** Calls {@code listener} with the whole record after every change made on this server (create, edit, delete). */
    void onLocalChange(Consumer<JsonObject> listener);

    /** Whether {@code candidate} should replace {@code current} (either may be {@code null}). */
    static boolean newer(JsonObject candidate, JsonObject current) {
        if (candidate == null) {
            return false;
        }
        if (current == null) {
            return true;
        }
        long a = candidate.getLong("version", 0L);
        long b = current.getLong("version", 0L);
        return a != b ? a > b : candidate.encode().compareTo(current.encode()) > 0;
    }
}
