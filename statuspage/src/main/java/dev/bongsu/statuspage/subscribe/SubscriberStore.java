package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.replica.SharedRecords;
import dev.bongsu.model.store.SqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The subscribers, personal data kept apart in their own SQLite file ({@code subscribers.db}) and in memory for
 * readers. Every change runs on the database's one thread, so checks and writes never interleave; a change is on disk
 * before readers see it. One address has at most one pending and one confirmed subscription per channel: asking again
 * updates the pending one, and confirming it replaces the confirmed one. Time is an input of every operation (the
 * store's clock only dates tombstones).
 *
 * <p>The subscribers are shared records ({@link #records()}, kind {@code subscribers}; see {@link SubscriberRecords}
 * and {@link SubscriberReplica}) so that both servers of a cluster hold them alike: every change raises the
 * subscriber's version, and every removal (unsubscribe, admin delete, erasure of an address, expiry) leaves a tombstone
 * without personal data, kept {@link #TOMBSTONES_KEPT} and purged with the expired pending rows. After replication one
 * address still has at most one confirmed subscription per channel: of two confirmed on different servers the later
 * confirmation stays (then the larger id), and the other is removed on both.
 */
public final class SubscriberStore implements SubscriberDirectory {
    /** A pending subscription asked for again within this time gets no second confirmation message. */
    public static final Duration RESEND_QUIET = Duration.ofMinutes(5);
    /** How long the tombstone of a removed subscriber is kept: a server away longer may bring its copy back. */
    public static final Duration TOMBSTONES_KEPT = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(SubscriberStore.class.getName());
    private static final Comparator<Subscriber> OLDEST_FIRST = Comparator.comparing(Subscriber::createdAt).thenComparing(Subscriber::id);

    /** What asking to subscribe did: the pending subscriber, and whether a confirmation request should go out now. */
    public record Pending(Subscriber subscriber, boolean sendConfirmation) {
    }

    /** Too many subscriptions wait for confirmation: nothing was stored. */
    public static final class TooManyPending extends RuntimeException {
        TooManyPending() {
            super("too many subscriptions are waiting for confirmation", null, false, false);
        }
    }

    /** What a confirm link did. */
    public enum ConfirmResult { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, INVALID }

    /** What an unsubscribe link did: removed now, already gone (or never there), or a token that does not match. */
    public enum UnsubscribeResult { REMOVED, GONE, INVALID }

    private final SqliteDatabase db;
    private final Duration confirmWithin;
    private final int maxPending;
    private final Clock clock;
    private final Map<String, Subscriber> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, Long> tombstones = new ConcurrentHashMap<>();
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private final SharedRecords replica = new SubscriberReplica(this);
    private volatile List<Subscriber> confirmed = List.of();

    /** A store in this file; links expire {@code confirmWithin} after they were sent; at most {@code maxPending} wait. */
    public SubscriberStore(Vertx vertx, Path file, Duration confirmWithin, int maxPending) {
        this(vertx, file, confirmWithin, maxPending, Clock.systemUTC());
    }

    /** As {@link #SubscriberStore(Vertx, Path, Duration, int)}, dating tombstones by {@code clock}. */
    public SubscriberStore(Vertx vertx, Path file, Duration confirmWithin, int maxPending, Clock clock) {
        this.db = new SqliteDatabase(vertx, "subscribers", file);
        this.confirmWithin = confirmWithin;
        this.maxPending = maxPending;
        this.clock = clock;
    }

    /** Opens the file, creating the table when missing, and loads every subscriber. */
    public Future<Void> open() {
        return db.open(SubscriberTable::create)
                .compose(v -> db.run(c -> {
                    for (SubscriberTable.Row r : SubscriberTable.loadAll(c)) {
                        byId.put(r.subscriber().id(), r.subscriber());
                        versions.put(r.subscriber().id(), r.version());
                    }
                    tombstones.putAll(SubscriberTable.loadTombstones(c));
                    reindex();
                    LOG.info("subscribers store " + db.file() + " opened: " + confirmed.size() + " confirmed, "
                            + (byId.size() - confirmed.size()) + " pending, " + tombstones.size() + " removals kept for the cluster");
                    return null;
                }));
    }

    /** Closes the file. */
    public Future<Void> close() {
        return db.close();
    }

    /**
     * Stores a pending subscription (or updates the pending one of the same address and channel). Fails with
     * {@link TooManyPending} when a new row would pass the cap.
     */
    public Future<Pending> addPending(SubscriptionRequest r, Instant now) {
        return db.run(c -> {
            String key = SubscriberTable.key(r.address());
            Optional<Subscriber> pending = byId.values().stream()
                    .filter(s -> !s.confirmed() && s.channel() == r.channel() && SubscriberTable.key(s.address()).equals(key))
                    .findFirst();
            Subscriber s;
            boolean send;
            if (pending.isPresent()) {
                Subscriber p = pending.get();
                send = unsent.contains(p.id()) || expired(p, now) || !p.createdAt().plus(RESEND_QUIET).isAfter(now);
                s = new Subscriber(p.id(), p.channel(), r.address(), r.lang(), r.scope(), p.secret(), send ? now : p.createdAt(), null);
            } else {
                if (pendingRows() >= maxPending) {
                    purgeExpired(c, now);
                    if (pendingRows() >= maxPending) {
                        throw new TooManyPending();
                    }
                }
                s = new Subscriber(SubscriptionTokens.newId(), r.channel(), r.address(), r.lang(), r.scope(),
                        SubscriptionTokens.newSecret(), now, null);
                send = true;
            }
            save(c, s, pending.isPresent() ? versionOf(s.id()) + 1 : 1, true);
            if (send) {
                unsent.remove(s.id());
            }
            return new Pending(s, send);
        });
    }

    /** Notes that the confirmation request of this subscriber could not be sent: asking again sends it at once. */
    public void confirmationNotSent(String id) {
        unsent.add(id);
    }

    /** Confirms by the token of a confirm link, replacing the confirmed subscription of the same address and channel. */
    public Future<ConfirmResult> confirm(String id, String token, Instant now) {
        return db.run(c -> {
            Subscriber s = id == null ? null : byId.get(id);
            if (s == null || !SubscriptionTokens.matches(s, SubscriptionTokens.CONFIRM, token)) {
                return ConfirmResult.INVALID;
            }
            if (s.confirmed()) {
                return ConfirmResult.ALREADY_CONFIRMED;
            }
            if (expired(s, now)) {
                return ConfirmResult.EXPIRED;
            }
            List<Subscriber> replaced = confirmedRivals(s);
            Subscriber done = new Subscriber(s.id(), s.channel(), s.address(), s.lang(), s.scope(), s.secret(), s.createdAt(),
                    SubscriberRecords.confirmationTime(now, replaced));
            bury(c, nextVersions(replaced.stream().map(Subscriber::id).toList()), false, true);
            save(c, done, versionOf(s.id()) + 1, true);
            return ConfirmResult.CONFIRMED;
        });
    }

    /** Removes by the token of an unsubscribe link; asking again is harmless. */
    public Future<UnsubscribeResult> unsubscribe(String id, String token) {
        return db.run(c -> {
            Subscriber s = id == null ? null : byId.get(id);
            if (s == null) {
                return UnsubscribeResult.GONE;
            }
            if (!SubscriptionTokens.matches(s, SubscriptionTokens.UNSUBSCRIBE, token)) {
                return UnsubscribeResult.INVALID;
            }
            remove(c, List.of(id));
            return UnsubscribeResult.REMOVED;
        });
    }

    /** Deletes one subscriber by id; false when there was none. */
    public Future<Boolean> delete(String id) {
        return db.run(c -> byId.containsKey(id) && remove(c, List.of(id)) > 0);
    }

    /** Deletes every subscription (any channel, pending or confirmed) of an address, ignoring case; how many went. */
    public Future<Integer> deleteAddress(String address) {
        String key = SubscriberTable.key(address);
        return db.run(c -> remove(c, byId.values().stream().filter(s -> SubscriberTable.key(s.address()).equals(key))
                .map(Subscriber::id).toList()));
    }

    /** Deletes pending subscriptions whose link has expired; how many went. */
    public Future<Integer> purgeExpired(Instant now) {
        return db.run(c -> purgeExpired(c, now));
    }

    /** Every subscriber, pending and confirmed, oldest first (for the admin export). */
    public List<Subscriber> all() {
        List<Subscriber> out = new ArrayList<>(byId.values());
        out.sort(OLDEST_FIRST);
        return out;
    }

    @Override
    public List<Subscriber> confirmed() {
        return confirmed;
    }

    @Override
    public Optional<Subscriber> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Whether the confirm link of a pending subscriber has expired. */
    public boolean expired(Subscriber s, Instant now) {
        return !s.confirmed() && !s.createdAt().plus(confirmWithin).isAfter(now);
    }

    /** The subscribers as records shared with the other server of a cluster (kind {@code subscribers}). */
    public SharedRecords records() {
        return replica;
    }

    /** Every subscriber and tombstone as a record. */
    Future<List<JsonObject>> allRecords() {
        return db.run(c -> {
            List<JsonObject> out = new ArrayList<>();
            byId.values().forEach(s -> out.add(SubscriberRecords.toJson(s, versionOf(s.id()))));
            tombstones.forEach((id, v) -> out.add(SubscriberRecords.tombstone(id, v)));
            return out;
        });
    }

    /** Calls {@code listener} with every record changed on this server. */
    void onLocalChange(Consumer<JsonObject> listener) {
        listeners.add(listener);
    }

    /** Runs a change on the database thread. */
    <T> Future<T> change(SqliteDatabase.Work<T> work) {
        return db.run(work);
    }

    /** This server's copy of a record, tombstone included, or {@code null}. */
    JsonObject current(String id) {
        Subscriber s = byId.get(id);
        if (s != null) {
            return SubscriberRecords.toJson(s, versionOf(id));
        }
        Long dead = tombstones.get(id);
        return dead == null ? null : SubscriberRecords.tombstone(id, dead);
    }

    /** The other confirmed subscriptions of the same address and channel. */
    List<Subscriber> confirmedRivals(Subscriber s) {
        String key = SubscriberTable.key(s.address());
        return byId.values().stream().filter(o -> o.confirmed() && !o.id().equals(s.id()) && o.channel() == s.channel()
                && SubscriberTable.key(o.address()).equals(key)).toList();
    }

    long versionOf(String id) {
        return versions.getOrDefault(id, 0L);
    }

    /** The version of the removal of each id. */
    Map<String, Long> nextVersions(Collection<String> ids) {
        Map<String, Long> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, versionOf(id) + 1));
        return out;
    }

    /** Pending rows, expired ones included: they take disk space until purged. */
    private long pendingRows() {
        return byId.values().stream().filter(s -> !s.confirmed()).count();
    }

    private int purgeExpired(Connection c, Instant now) throws SQLException {
        SubscriberTable.purgeTombstones(c, now.minus(TOMBSTONES_KEPT)).forEach(tombstones::remove);
        return remove(c, byId.values().stream().filter(s -> expired(s, now)).map(Subscriber::id).toList());
    }

    private int remove(Connection c, List<String> ids) throws SQLException {
        bury(c, nextVersions(ids), true, true);
        return ids.size();
    }

    /** Writes a subscriber at a version durably, then shows it to readers and, when made here, to the cluster. */
    void save(Connection c, Subscriber s, long version, boolean local) throws SQLException {
        SubscriberTable.save(c, s, version);
        byId.put(s.id(), s);
        versions.put(s.id(), version);
        tombstones.remove(s.id());
        reindex();
        if (local) {
            share(SubscriberRecords.toJson(s, version));
        }
    }

    /** Replaces subscribers by tombstones (id → version) durably, then hides them and, when {@code share}, tells the cluster. */
    void bury(Connection c, Map<String, Long> removals, boolean erase, boolean share) throws SQLException {
        SubscriberTable.bury(c, removals, clock.instant(), erase);
        removals.forEach((id, version) -> {
            byId.remove(id);
            versions.remove(id);
            unsent.remove(id);
            tombstones.put(id, version);
        });
        reindex();
        if (share) {
            removals.forEach((id, version) -> share(SubscriberRecords.tombstone(id, version)));
        }
    }

    private void share(JsonObject record) {
        for (Consumer<JsonObject> l : listeners) {
            try {
                l.accept(record.copy());
            } catch (RuntimeException e) {
                LOG.warning("subscribers: a change listener failed for " + record.getString("id") + ": " + e);
            }
        }
    }

    private void reindex() {
        confirmed = byId.values().stream().filter(Subscriber::confirmed).sorted(OLDEST_FIRST).toList();
    }
}
