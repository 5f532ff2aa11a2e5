package dev.bongsu.alerting.silence;

import dev.bongsu.alerting.outbox.OutboxDatabase;
import dev.bongsu.model.replica.SharedRecords;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The silences, kept in outbox.db and mirrored in memory for routing; safe to read from any thread. As
 * {@link SharedRecords} of kind {@value #KIND} they are replicated between the servers of a cluster: creating and
 * expiring are local changes, and a newer version made elsewhere is applied. Every change is decided and written on
 * the database's one thread, so changes of one silence never overtake each other.
 */
public final class Silences implements SharedRecords {
    /** The kind of shared record. */
    public static final String KIND = "silences";
    private static final Logger LOG = Logger.getLogger(Silences.class.getName());

    private final OutboxDatabase db;
    private final Clock clock;
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Silence> all = List.of();

    /** Silences stored in this database. */
    public Silences(OutboxDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Reads the stored silences (the database must be open). */
    public Future<Void> load() {
        return db.run(SilenceStore::all).map(list -> {
            all = List.copyOf(list);
            return null;
        });
    }

    /** Every silence, oldest first. */
    public List<Silence> list() {
        return all;
    }

    /** Creates and stores a silence. */
    public Future<Silence> create(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String author, String comment) {
        Silence s = new Silence("sil-" + UUID.randomUUID().toString().substring(0, 13), matchers, startsAt, endsAt, author, comment,
                clock.instant());
        return db.run(c -> {
            SilenceStore.save(c, s);
            replace(s);
            return s;
        }).onSuccess(this::changed);
    }

    /** Ends a silence now (a new version); empty when there is no such silence. */
    public Future<Optional<Silence>> expire(String id) {
        Instant now = clock.instant();
        return db.run(c -> {
            Optional<Silence> found = find(id);
            if (found.isEmpty() || !found.get().endsAt().isAfter(now)) {
                return new Change(found, false);
            }
            Silence ended = found.get().expiredAt(now);
            SilenceStore.save(c, ended);
            replace(ended);
            return new Change(Optional.of(ended), true);
        }).map(change -> {
            if (change.changed()) {
                changed(change.silence().orElseThrow());
            }
            return change.silence();
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Future<List<JsonObject>> all() {
        return Future.succeededFuture(all.stream().map(Silence::toJson).toList());
    }

    @Override
    public Future<Void> apply(JsonObject record) {
        Silence incoming;
        try {
            incoming = Silence.fromJson(record);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return db.run(c -> {
            JsonObject current = find(incoming.id()).map(Silence::toJson).orElse(null);
            if (SharedRecords.newer(incoming.toJson(), current)) {
                SilenceStore.save(c, incoming);
                replace(incoming);
                LOG.info("silence " + incoming.id() + " version " + incoming.version() + " applied from another server");
            }
            return null;
        });
    }

    @Override
    public void onLocalChange(Consumer<JsonObject> listener) {
        listeners.add(listener);
    }

    private Optional<Silence> find(String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private void changed(Silence s) {
        JsonObject record = s.toJson();
        listeners.forEach(l -> l.accept(record));
    }

    private synchronized void replace(Silence s) {
        List<Silence> next = new ArrayList<>(all);
        next.removeIf(x -> x.id().equals(s.id()));
        next.add(s);
        next.sort((a, b) -> a.createdAt().equals(b.createdAt()) ? a.id().compareTo(b.id()) : a.createdAt().compareTo(b.createdAt()));
        all = List.copyOf(next);
    }

    private record Change(Optional<Silence> silence, boolean changed) {
    }
}
