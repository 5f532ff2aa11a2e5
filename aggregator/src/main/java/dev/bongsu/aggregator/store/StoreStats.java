package dev.bongsu.aggregator.store;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of a store's write path, published by the aggregator on {@code bongsu.store-stats}.
 *
 * @param store         {@code sqlite} or {@code influx}
 * @param queueDepth    results (and rollups) accepted but not yet durably written
 * @param written       results and rollups written since start
 * @param writeFailures writes that failed (the store was reachable but refused or errored)
 * @param dropped       results and rollups refused or lost, for example because the queue was full
 * @param lastWriteMs   duration of the last write (one transaction or request), ms; 0 before the first
 * @param extra         store-specific counters (for example spill sizes), by name
 */
public record StoreStats(String store, long queueDepth, long written, long writeFailures, long dropped, double lastWriteMs,
                         Map<String, Long> extra) {

    public StoreStats {
        extra = Map.copyOf(extra);
    }

    /** The JSON published on {@code bongsu.store-stats}: the fields above, with {@code extra} flattened in. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("store", store)
                .put("queueDepth", queueDepth)
                .put("written", written)
                .put("writeFailures", writeFailures)
                .put("dropped", dropped)
                .put("lastWriteMs", lastWriteMs);
        new TreeMap<>(extra).forEach(json::put);
        return json;
    }
}
