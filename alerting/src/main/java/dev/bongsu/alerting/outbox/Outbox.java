package dev.bongsu.alerting.outbox;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.route.RoutingDecision;
import dev.bongsu.model.config.OutboxConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The durable outbox: a notification is written to outbox.db before any attempt, then delivered with a time
 * limit per attempt, exponential backoff with jitter (honouring {@code Retry-After}), a rate and concurrency
 * limit per receiver, strictly in order per incident and receiver; pending updates of one incident to one
 * receiver are coalesced to the latest. Past {@code maxAge} (or {@code maxAttempts}) a row becomes a dead letter.
 * Delivery can be paused and resumed (the active/standby lease of cluster mode); rows keep being written.
 *
 * <p>Call every method on the context that called {@link #start()}.
 */
public final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final long PUMP_MS = 100;

    private final Vertx vertx;
    private final OutboxDatabase db;
    private Notifiers notifiers;
    private final OutboxConfig cfg;
    private final Clock clock;
    private final String nodeId;
    private final Backoff backoff;
    private final DeliveryEvents events;
    private final Map<Lane, TreeMap<Long, Entry>> queues = new LinkedHashMap<>();
    private final Map<String, ReceiverSlot> receivers = new HashMap<>();
    private long timer = -1;
    private long purgeTimer = -1;
    private volatile boolean paused;
    private volatile long deadCount;
    private io.vertx.core.Context context;

    /**
     * An outbox over an opened-or-not database.
     *
     * @param vertx     the Vert.x instance (timers, event bus)
     * @param db        outbox.db
     * @param notifiers the receivers
     * @param cfg       retry settings
     * @param clock     time source
     * @param nodeId    this process's name in events (cluster mode tells nodes apart by it)
     */
    public Outbox(Vertx vertx, OutboxDatabase db, Notifiers notifiers, OutboxConfig cfg, Clock clock, String nodeId) {
        this.vertx = vertx;
        this.db = db;
        this.notifiers = notifiers;
        this.cfg = cfg;
        this.clock = clock;
        this.nodeId = nodeId;
        this.backoff = new Backoff(cfg.initialBackoff(), cfg.maxBackoff());
        this.events = new DeliveryEvents(vertx, nodeId);
    }

    /** Loads every pending row (left from before a crash or restart) and starts delivering. */
    public Future<Void> start() {
        return db.run(OutboxStore::pending).map(rows -> {
            rows.forEach(this::track);
            if (!rows.isEmpty()) {
                LOG.info("outbox: " + rows.size() + " pending notification(s) found in " + db.file() + ", delivering");
            }
            context = vertx.getOrCreateContext();
            timer = vertx.setPeriodic(PUMP_MS, id -> pump());
            purgeTimer = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> purge());
            purge();
            pump();
            return null;
        });
    }

    /** Stops delivering; attempts in flight finish. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(purgeTimer);
            timer = -1;
        }
    }

    /** Stops starting deliveries (this node lost the lease); notifications are still written. Any thread. */
    public void pause() {
        if (!paused) {
            paused = true;
            LOG.info("outbox: delivery paused on " + nodeId);
        }
    }

    /** Starts delivering again, from the oldest pending row. Any thread. */
    public void resume() {
        if (paused) {
            paused = false;
            LOG.info("outbox: delivery resumed on " + nodeId);
            if (context != null) {
                context.runOnContext(v -> pump());
            }
        }
    }

    /** Whether delivery is paused. */
    public boolean isPaused() {
        return paused;
    }

    /** Writes a routing decision: a notification to deliver, or a record of a suppressed one. */
    public Future<Void> accept(RoutingDecision d) {
        if (d instanceof RoutingDecision.Deliver deliver) {
            return enqueue(deliver.notification()).mapEmpty();
        }
        RoutingDecision.Suppress s = (RoutingDecision.Suppress) d;
        LOG.info("notification suppressed: receiver=" + s.receiver() + " key=" + s.transitionKey() + " " + s.event() + ": " + s.reason());
        events.publish(s.receiver(), "suppressed", s.incidentId(), s.transitionKey(), s.reason());
        return db.run(c -> {
            OutboxStore.insertRecord(c, s.receiver(), s.incidentId(), s.transitionKey(), s.event(), OutboxStore.SUPPRESSED, s.reason(), s.at());
            return null;
        });
    }

    /** Writes a notification (durably) and schedules its delivery; completes once it is on disk. */
    public Future<OutboxRow> enqueue(Notification n) {
        return db.run(c -> OutboxStore.insertPending(c, n, clock.instant())).map(row -> {
            track(row);
            events.publish(row.receiver(), "pending", row.incidentId(), row.key(), null);
            pump();
            return row;
        });
    }

    /**
     * Another server delivered this transition to this receiver: the matching pending rows are marked sent (on disk)
     * and dropped from delivery. Completes with whether any row matched, once the marks are written. Any thread: the
     * work runs on the outbox's context, so a {@link #resume()} after the future completes never delivers them.
     */
    public Future<Boolean> markDeliveredElsewhere(String receiver, String key, String otherNode) {
        io.vertx.core.Context own = context;
        if (own == null || own == Vertx.currentContext()) {
            return markHere(receiver, key, otherNode);
        }
        Promise<Boolean> done = Promise.promise();
        own.runOnContext(v -> markHere(receiver, key, otherNode).onComplete(done));
        return done.future();
    }

    private Future<Boolean> markHere(String receiver, String key, String otherNode) {
        List<Entry> matched = new ArrayList<>();
        queues.forEach((lane, q) -> {
            if (lane.receiver.equals(receiver)) {
                q.values().forEach(e -> {
                    if (e.row.key().equals(key) && !e.inFlight) {
                        matched.add(e);
                    }
                });
            }
        });
        List<Future<Void>> writes = new ArrayList<>();
        for (Entry e : matched) {
            untrack(e);
            writes.add(write(e.row, OutboxStore.SENT, e.row.attempts(), "delivered by " + otherNode));
        }
        return Future.all(writes).map(all -> !matched.isEmpty());
    }

    /**
     * Delivers with the notifiers of a reloaded configuration from now on (call on the outbox's context). Pending rows
     * are kept; those of a receiver that no longer exists become dead letters ("receiver removed by reload"), except an
     * attempt in flight, which finishes with the old notifier. A receiver whose rate or concurrency changed starts
     * with a fresh limit. Completes once the dead letters are written.
     */
    public Future<Void> useNotifiers(Notifiers next) {
        notifiers = next;
        receivers.entrySet().removeIf(slot -> next.config(slot.getKey()).map(rc -> !slot.getValue().fits(rc)).orElse(true));
        List<Entry> orphans = new ArrayList<>();
        queues.forEach((lane, q) -> {
            if (next.get(lane.receiver).isEmpty()) {
                q.values().stream().filter(e -> !e.inFlight && !e.writing).forEach(orphans::add);
            }
        });
        List<Future<Void>> writes = new ArrayList<>();
        for (Entry e : orphans) {
            writes.add(dead(e, "receiver removed by reload"));
        }
        pump();
        return Future.all(writes).mapEmpty();
    }

    /** Counts: pending in memory, and by receiver and status from the database. */
    public Future<JsonObject> status() {
        return db.run(OutboxStore::counts).map(byReceiver -> OutboxReport.status(byReceiver, nodeId, paused, deadCount));
    }

    /** The most recent rows of one status (pending, sent, dead, suppressed, coalesced), newest first. */
    public Future<JsonArray> rows(String status, int limit) {
        return db.run(c -> OutboxStore.list(c, status, limit)).map(OutboxReport::rows);
    }

    /**
     * The (receiver, incident id) pairs that were notified of an incident but not of its resolution, so routing
     * after a restart sends updates and resolutions rather than a second "opened".
     */
    public Future<List<String[]>> notifiedUnresolved() {
        return db.run(OutboxStore::notifiedUnresolved);
    }

    /** Pending rows known in memory (call on the outbox's context). */
    public int pendingCount() {
        return queues.values().stream().mapToInt(TreeMap::size).sum();
    }

    private void track(OutboxRow row) {
        queues.computeIfAbsent(new Lane(row.receiver(), row.incidentId()), l -> new TreeMap<>()).put(row.id(), new Entry(row));
    }

    private void untrack(Entry e) {
        Lane lane = new Lane(e.row.receiver(), e.row.incidentId());
        TreeMap<Long, Entry> q = queues.get(lane);
        if (q != null) {
            q.remove(e.row.id());
            if (q.isEmpty()) {
                queues.remove(lane);
            }
        }
    }

    private void pump() {
        if (paused || timer < 0) {
            return;
        }
        Instant now = clock.instant();
        List<Entry> heads = new ArrayList<>();
        for (TreeMap<Long, Entry> q : new ArrayList<>(queues.values())) {
            coalesce(q);
            if (q.isEmpty()) {
                continue;
            }
            Entry head = q.firstEntry().getValue();
            if (!head.inFlight && !head.writing) {
                heads.add(head);
            }
        }
        heads.sort((a, b) -> Long.compare(a.row.id(), b.row.id()));
        for (Entry e : heads) {
            if (now.isBefore(e.row.nextAttemptAt())) {
                continue;
            }
            if (Duration.between(e.row.createdAt(), now).compareTo(cfg.maxAge()) > 0) {
                dead(e, "not delivered within maxAge " + cfg.maxAge() + (e.row.reason() == null ? "" : "; last error: " + e.row.reason()));
                continue;
            }
            Notifier notifier = notifiers.get(e.row.receiver()).orElse(null);
            if (notifier == null) {
                dead(e, "receiver '" + e.row.receiver() + "' is no longer configured");
                continue;
            }
            ReceiverSlot st = receivers.computeIfAbsent(e.row.receiver(), r -> ReceiverSlot.of(notifiers.config(r).orElse(null)));
            if (!st.tryTake(now)) {
                continue;
            }
            attempt(e, notifier, st);
        }
    }

    /** Pending updates followed by a later update or resolution of the same incident carry nothing new. */
    private void coalesce(TreeMap<Long, Entry> q) {
        if (q.size() < 2) {
            return;
        }
        List<Entry> all = new ArrayList<>(q.values());
        boolean first = true;
        for (int i = 0; i < all.size() - 1; i++) {
            Entry e = all.get(i);
            if (e.inFlight || e.writing || !"incident.updated".equals(e.row.event())) {
                continue;
            }
            Entry later = all.get(all.size() - 1);
            if (!"incident.opened".equals(later.row.event())) {
                if (first && e.row.notification() != null && later.row.notification() != null) {
                    // The receiver never sees e: the cause it was last told is e's previous one, not e's.
                    later.row = later.row.withNotification(
                            later.row.notification().withPreviousHypothesis(e.row.notification().previousHypothesis()));
                    first = false;
                }
                untrack(e);
                write(e.row, OutboxStore.COALESCED, e.row.attempts(), "superseded by " + later.row.key());
            }
        }
    }

    private void attempt(Entry e, Notifier notifier, ReceiverSlot st) {
        e.inFlight = true;
        st.inFlight++;
        Future<DeliveryOutcome> sent;
        try {
            sent = notifier.send(e.row.notification());
        } catch (RuntimeException ex) {
            sent = Future.succeededFuture(DeliveryOutcome.failed("notifier error: " + ex.getClass().getSimpleName()));
        }
        sent.recover(ex -> Future.succeededFuture(DeliveryOutcome.retry("notifier error: " + ex.getClass().getSimpleName(), null)))
                .onSuccess(outcome -> {
                    st.inFlight--;
                    e.inFlight = false;
                    settle(e, outcome);
                });
    }

    private void settle(Entry e, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        int attempts = e.row.attempts() + 1;
        OutboxRow row = e.row;
        switch (outcome.status()) {
            case DELIVERED -> {
                untrack(e);
                write(row, OutboxStore.SENT, attempts, null).onComplete(ar -> pump());
                events.publish(row.receiver(), "sent", row.incidentId(), row.key(), null);
            }
            case FAILED -> {
                e.row = row.retried(attempts, now, outcome.reason());
                dead(e, "rejected: " + outcome.reason());
            }
            case RETRY -> {
                if (cfg.maxAttempts() > 0 && attempts >= cfg.maxAttempts()) {
                    e.row = row.retried(attempts, now, outcome.reason());
                    dead(e, "gave up after " + attempts + " attempts; last error: " + outcome.reason());
                    return;
                }
                Duration wait = backoff.delay(attempts, outcome.retryAfter(), ThreadLocalRandom.current().nextDouble());
                Instant next = now.plus(wait);
                e.row = row.retried(attempts, next, outcome.reason());
                LOG.info("notification retry: receiver=" + row.receiver() + " key=" + row.key() + " attempt=" + attempts
                        + " in " + wait.toMillis() + " ms: " + outcome.reason());
                events.publish(row.receiver(), "failed", row.incidentId(), row.key(), outcome.reason());
                e.writing = true;
                db.run(c -> {
                    OutboxStore.update(c, row.id(), OutboxStore.PENDING, attempts, next, outcome.reason(), now);
                    return null;
                }).onComplete(ar -> {
                    e.writing = false;
                    if (ar.failed()) {
                        LOG.warning("outbox: cannot record retry of " + row.key() + ": " + ar.cause().getMessage());
                    }
                });
            }
        }
    }

    private Future<Void> dead(Entry e, String reason) {
        OutboxRow row = e.row;
        untrack(e);
        deadCount++;
        LOG.warning("notification dead letter: receiver=" + row.receiver() + " key=" + row.key() + " attempts=" + row.attempts()
                + ": " + reason);
        events.publish(row.receiver(), "dead", row.incidentId(), row.key(), reason);
        return write(row, OutboxStore.DEAD, row.attempts(), reason);
    }

    private Future<Void> write(OutboxRow row, String status, int attempts, String reason) {
        Instant now = clock.instant();
        return db.run(c -> {
            OutboxStore.update(c, row.id(), status, attempts, now, reason, now);
            return (Void) null;
        }).onFailure(ex -> LOG.warning("outbox: cannot mark " + row.key() + " " + status + ": " + ex.getMessage()));
    }

    private void purge() {
        Instant before = clock.instant().minus(cfg.retention());
        db.run(c -> OutboxStore.purge(c, before))
                .onSuccess(n -> {
                    if (n > 0) {
                        LOG.info("outbox: removed " + n + " rows older than " + cfg.retention());
                    }
                })
                .onFailure(ex -> LOG.warning("outbox: purge failed: " + ex.getMessage()));
    }

    private record Lane(String receiver, String incidentId) {
    }

    private static final class Entry {
        OutboxRow row;
        boolean inFlight;
        boolean writing;

        Entry(OutboxRow row) {
            this.row = row;
        }
    }
}
