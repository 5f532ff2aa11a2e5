package dev.bongsu.app.cluster;

import dev.bongsu.model.replica.SharedRecords;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Keeps one kind of {@link SharedRecords} alike on every server of a cluster. The cluster map
 * {@code bongsu.shared.<kind>} holds the newest copy of every record (id → JSON text); a server writes its own changes
 * there (only when newer, by compare-and-set) and publishes them on {@code bongsu.cluster.shared.<kind>}, and every
 * other server applies what it hears. On start, after every membership change and every {@link #RESYNC_MS} ms, a
 * server offers all its records to the map and applies every record the map holds, so a missed message, a restart
 * or a healed split loses nothing. The store stays each server's durable copy.
 */
public final class RecordReplicator {
    /** How often the whole map is reconciled with the store. */
    static final long RESYNC_MS = 30_000;
    private static final int MAX_CAS_ATTEMPTS = 20;
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.replica");

    private final ClusterNode node;
    private final SharedRecords records;
    private MessageConsumer<JsonObject> consumer;
    private long timer = -1;
    private volatile boolean stopped;

    /** Replicates {@code records} through the cluster of {@code node}. */
    public RecordReplicator(ClusterNode node, SharedRecords records) {
        this.node = node;
        this.records = records;
    }

    /** The cluster map of a kind. */
    static String mapName(String kind) {
        return "bongsu.shared." + kind;
    }

    /** Starts listening, then pushes the local records and applies the cluster's; completes when both are done. */
    public Future<Void> start() {
        records.onLocalChange(record -> {
            if (!stopped) {
                offer(record).onFailure(e -> LOG.warning(kind() + ": cannot share " + record.getString("id") + " with the cluster: "
                        + e.getMessage() + "; retried within " + RESYNC_MS / 1000 + " s"));
            }
        });
        consumer = node.vertx().eventBus().consumer(ClusterAddresses.sharedRecords(kind()), m -> fromOther(m.body()));
        return consumer.completion()
                .compose(v -> sync().map(counts -> kind() + ": replicated through the cluster; " + counts[0]
                        + " local record(s) offered, " + counts[1] + " record(s) in the cluster map")
                        .recover(e -> Future.succeededFuture(kind() + ": first reconciliation with the cluster failed ("
                                + e.getMessage() + "); retried within " + RESYNC_MS / 1000 + " s")))
                .map(report -> {
                    LOG.info(report);
                    timer = node.vertx().setPeriodic(RESYNC_MS, id -> resync());
                    node.onMembershipChange(this::resync);
                    return null;
                });
    }

    /** Starts each of {@code replicas} in turn. */
    public static Future<Void> startAll(List<RecordReplicator> replicas) {
        Future<Void> chain = Future.succeededFuture();
        for (RecordReplicator r : replicas) {
            chain = chain.compose(v -> r.start());
        }
        return chain;
    }

    /** Stops every one of {@code replicas}, continuing past failures. */
    public static Future<Void> stopAll(List<RecordReplicator> replicas) {
        return Future.join(replicas.stream().map(RecordReplicator::stop).toList()).mapEmpty();
    }

    /** Stops replicating (the store keeps what it has). */
    public Future<Void> stop() {
        stopped = true;
        if (timer >= 0) {
            node.vertx().cancelTimer(timer);
        }
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    private String kind() {
        return records.kind();
    }

    private void resync() {
        if (!stopped) {
            sync().onFailure(e -> LOG.warning(kind() + ": reconciling with the cluster failed: " + e.getMessage()));
        }
    }

    /** Offers every local record, then applies every record of the map; counts of both. */
    private Future<int[]> sync() {
        return records.all().compose(local -> {
            List<Future<Boolean>> offers = new ArrayList<>();
            local.forEach(r -> offers.add(offer(r).recover(e -> {
                LOG.warning(kind() + ": cannot share " + r.getString("id") + " with the cluster: " + e.getMessage());
                return Future.succeededFuture(false);
            })));
            return Future.join(offers).map(v -> local.size());
        }).compose(shared -> map().compose(AsyncMap::entries).compose(entries -> {
            List<Future<Void>> applies = new ArrayList<>();
            entries.values().forEach(text -> applies.add(applyQuietly(new JsonObject(text))));
            return Future.join(applies).map(v -> new int[] {shared, entries.size()});
        }));
    }

    /** Writes a record to the map when newer than the map's copy, and if written tells the other servers. */
    private Future<Boolean> offer(JsonObject record) {
        return map().compose(m -> offer(m, record, record.getString("id"), record.encode(), 0)).onSuccess(written -> {
            if (written) {
                node.vertx().eventBus().publish(ClusterAddresses.sharedRecords(kind()),
                        new JsonObject().put("origin", node.nodeId()).put("record", record));
            }
        });
    }

    private Future<Boolean> offer(AsyncMap<String, String> m, JsonObject record, String id, String text, int attempt) {
        if (attempt >= MAX_CAS_ATTEMPTS) {
            return Future.failedFuture("the cluster map kept changing under " + id);
        }
        return m.get(id).compose(current -> {
            if (!SharedRecords.newer(record, current == null ? null : new JsonObject(current))) {
                return Future.succeededFuture(false);
            }
            Future<Boolean> swapped = current == null
                    ? m.putIfAbsent(id, text).map(previous -> previous == null)
                    : m.replaceIfPresent(id, current, text);
            return swapped.compose(done -> done ? Future.succeededFuture(true) : offer(m, record, id, text, attempt + 1));
        });
    }

    private void fromOther(JsonObject message) {
        if (!stopped && !node.nodeId().equals(message.getString("origin"))) {
            applyQuietly(message.getJsonObject("record"));
        }
    }

    private Future<Void> applyQuietly(JsonObject record) {
        return records.apply(record).recover(e -> {
            LOG.warning(kind() + ": cannot apply " + record.getString("id") + " from the cluster: " + e.getMessage());
            return Future.succeededFuture();
        });
    }

    private Future<AsyncMap<String, String>> map() {
        return node.vertx().sharedData().getAsyncMap(mapName(kind()));
    }
}
