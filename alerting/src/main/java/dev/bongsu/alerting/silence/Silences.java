package dev.bongsu.alerting.silence;

import dev.bongsu.alerting.outbox.OutboxDatabase;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The silences, kept in outbox.db and mirrored in memory for routing; safe to read from any thread. */
public final class Silences {
    private final OutboxDatabase db;
    private final Clock clock;
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
    public List<Silence> all() {
        return all;
    }

    /** Creates and stores a silence. */
    public Future<Silence> create(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String author, String comment) {
        Silence s = new Silence("sil-" + UUID.randomUUID().toString().substring(0, 13), matchers, startsAt, endsAt, author, comment,
                clock.instant());
        return db.run(c -> {
            SilenceStore.save(c, s);
            return s;
        }).map(saved -> {
            replace(saved);
            return saved;
        });
    }

    /** Ends a silence now; empty when there is no such silence. */
    public Future<Optional<Silence>> expire(String id) {
        Optional<Silence> found = all.stream().filter(s -> s.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        Instant now = clock.instant();
        Silence ended = found.get().endsAt().isAfter(now) ? found.get().expiredAt(now) : found.get();
        return db.run(c -> {
            SilenceStore.save(c, ended);
            return ended;
        }).map(saved -> {
            replace(saved);
            return Optional.of(saved);
        });
    }

    private synchronized void replace(Silence s) {
        List<Silence> next = new ArrayList<>(all);
        next.removeIf(x -> x.id().equals(s.id()));
        next.add(s);
        all = List.copyOf(next);
    }
}
