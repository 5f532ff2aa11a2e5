package dev.bongsu.alerting.outbox;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.route.RoutingDecision;
import dev.bongsu.model.config.OutboxConfig;
import io.vertx.core.Context;
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
import java.util.List;
import java.util.Map;
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

    private final OutboxDatabase db;
    private Notifiers notifiers;
    private final OutboxConfig cfg;
    private final Clock clock;
    private final String nodeId;
    private final DeliveryEvents events;
    private final DeliveryLoop loop;
    private final OutboxLanes lanes = new OutboxLanes();
    private final OutboxDelivery delivery;
    private final Map<String, ReceiverSlot> receivers = new HashMap<>();

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
        this.db = db;
        this.notifiers = notifiers;
        this.cfg = cfg;
        this.clock = clock;
        this.nodeId = nodeId;
        this.events = new DeliveryEvents(vertx, nodeId);
        this.loop = new DeliveryLoop(vertx, LOG, "outbox: delivery paused on " + nodeId, "outbox: delivery resumed on " + nodeId);
        this.delivery = new OutboxDelivery(db, lanes, cfg, clock, events, this::pump);
    }

    /** Loads every pending row (left from before a crash or restart) and starts delivering. */
    public Future<Void> start() {
        return db.run(OutboxStore::pending).map(rows -> {
            rows.forEach(lanes::track);
            if (!rows.isEmpty()) {
                LOG.info("outbox: " + rows.size() + " pending notification(s) found in " + db.file() + ", delivering");
            }
            loop.start(this::pump, this::purge);
            purge();
            pump();
            return null;
        });
    }

    /** Stops delivering; attempts in flight finish. */
    public void stop() {
        loop.stop();
    }

    /** Stops starting deliveries (this node lost the lease); notifications are still written. Any thread. */
    public void pause() {
        loop.pause();
    }

    /** Starts delivering again, from the oldest pending row. Any thread. */
    public void resume() {
        loop.resume();
    }

    /** Whether delivery is paused. */
    public boolean isPaused() {
        return loop.isPaused();
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
            lanes.track(row);
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
        Context own = loop.context();
        if (own == null || own == Vertx.currentContext()) {
            return markHere(receiver, key, otherNode);
        }
        Promise<Boolean> done = Promise.promise();
        own.runOnContext(v -> markHere(receiver, key, otherNode).onComplete(done));
        return done.future();
    }

    private Future<Boolean> markHere(String receiver, String key, String otherNode) {
        List<OutboxEntry> matched = lanes.ofReceivers(receiver::equals).stream()
                .filter(e -> e.row.key().equals(key) && !e.inFlight)
                .toList();
        List<Future<Void>> writes = new ArrayList<>();
        for (OutboxEntry e : matched) {
            lanes.untrack(e);
            writes.add(delivery.mark(e.row, OutboxStore.SENT, e.row.attempts(), "delivered by " + otherNode));
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
        List<OutboxEntry> orphans = lanes.ofReceivers(receiver -> next.get(receiver).isEmpty()).stream()
                .filter(OutboxEntry::idle)
                .toList();
        List<Future<Void>> writes = new ArrayList<>();
        for (OutboxEntry e : orphans) {
            writes.add(delivery.dead(e, "receiver removed by reload"));
        }
        pump();
        return Future.all(writes).mapEmpty();
    }

    /** Counts: pending in memory, and by receiver and status from the database. */
    public Future<JsonObject> status() {
        return db.run(OutboxStore::counts).map(byReceiver -> OutboxReport.status(byReceiver, nodeId, loop.isPaused(), delivery.deadCount()));
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
        return lanes.size();
    }

    /** Starts an attempt for each lane head that is due, within its receiver's limits; too old rows are dead letters. */
    private void pump() {
        if (!loop.delivering()) {
            return;
        }
        Instant now = clock.instant();
        for (OutboxEntry e : lanes.idleHeads((row, reason) -> delivery.mark(row, OutboxStore.COALESCED, row.attempts(), reason))) {
            if (now.isBefore(e.row.nextAttemptAt())) {
                continue;
            }
            if (Duration.between(e.row.createdAt(), now).compareTo(cfg.maxAge()) > 0) {
                delivery.dead(e, "not delivered within maxAge " + cfg.maxAge() + (e.row.reason() == null ? "" : "; last error: " + e.row.reason()));
                continue;
            }
            Notifier notifier = notifiers.get(e.row.receiver()).orElse(null);
            if (notifier == null) {
                delivery.dead(e, "receiver '" + e.row.receiver() + "' is no longer configured");
                continue;
            }
            ReceiverSlot st = receivers.computeIfAbsent(e.row.receiver(), r -> ReceiverSlot.of(notifiers.config(r).orElse(null)));
            if (!st.tryTake(now)) {
                continue;
            }
            delivery.attempt(e, notifier, st);
        }
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
}
