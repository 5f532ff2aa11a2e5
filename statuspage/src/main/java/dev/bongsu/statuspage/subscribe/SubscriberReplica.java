package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.replica.SharedRecords;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link SubscriberStore} as shared records (kind {@value SubscriberRecords#KIND}): what the other server of a
 * cluster made is applied when newer ({@link SharedRecords#newer}), on the store's database thread.
 *
 * <ul>
 *   <li>A tombstone removes the subscriber (its bytes erased from the file) and is kept; a tombstone of a subscriber
 *       this server does not hold is not stored: the cluster map keeps it, and storing it would only bring back
 *       tombstones purged after {@link SubscriberStore#TOMBSTONES_KEPT}.</li>
 *   <li>A confirmed subscriber that meets another confirmed one of the same address and channel keeps the rule "one
 *       confirmed per address and channel": the later confirmation stays ({@link SubscriberRecords#CONFIRMED_ORDER})
 *       and the other is removed here, its tombstone shared — every server reaches the same result, whatever the
 *       order it hears things in.</li>
 * </ul>
 * An applied record is not reported as a local change; a tombstone this server derives from it is.
 */
final class SubscriberReplica implements SharedRecords {
    private final SubscriberStore store;

    SubscriberReplica(SubscriberStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return SubscriberRecords.KIND;
    }

    @Override
    public Future<List<JsonObject>> all() {
        return store.allRecords();
    }

    @Override
    public void onLocalChange(Consumer<JsonObject> listener) {
        store.onLocalChange(listener);
    }

    @Override
    public Future<Void> apply(JsonObject record) {
        String id;
        long version;
        Subscriber incoming;
        try {
            id = SubscriberRecords.id(record);
            version = SubscriberRecords.version(record);
            incoming = SubscriberRecords.isTombstone(record) ? null : SubscriberRecords.fromJson(record);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return store.change(c -> {
            JsonObject current = store.current(id);
            JsonObject normal = incoming == null ? SubscriberRecords.tombstone(id, version) : SubscriberRecords.toJson(incoming, version);
            if (!SharedRecords.newer(normal, current)) {
                return null;
            }
            if (incoming == null) {
                if (current != null) {
                    store.bury(c, Map.of(id, version), true, false);
                }
            } else if (!incoming.confirmed()) {
                store.save(c, incoming, version, false);
            } else {
                List<Subscriber> rivals = store.confirmedRivals(incoming);
                Subscriber winner = incoming;
                for (Subscriber r : rivals) {
                    winner = SubscriberRecords.CONFIRMED_ORDER.compare(r, winner) > 0 ? r : winner;
                }
                if (winner == incoming) {
                    store.bury(c, store.nextVersions(rivals.stream().map(Subscriber::id).toList()), false, true);
                    store.save(c, incoming, version, false);
                } else {
                    store.bury(c, Map.of(id, version + 1), false, true);
                }
            }
            return null;
        });
    }
}
