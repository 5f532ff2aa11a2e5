package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.outbox.Backoff;
import dev.bongsu.alerting.outbox.DeliveryLoop;
import dev.bongsu.alerting.outbox.TokenBucket;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.store.SqliteDatabase;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriberDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * The subscription outbox, apart from the on-call one (its own file, so a flood of subscriber messages never delays
 * a page): every message is on disk before its first attempt, then delivered in order per subscriber, at most
 * {@code perSubscriber} per period, with the on-call outbox's backoff on retryable failures and a dead letter past
 * {@code maxAge}. At each attempt the subscriber is looked up again: one who unsubscribed meanwhile gets nothing.
 * A delivered message is marked sent with one write as soon as the receiver accepted it. Delivery can be paused and
 * resumed (the cluster lease). Call every method but {@link #pause()} and {@link #resume()} on the starting context.
 */
public final class SubscriberOutbox {
    private static final Logger LOG = Logger.getLogger(SubscriberOutbox.class.getName());
    /** The most deliveries in flight at once, over every subscriber. */
    static final int MAX_IN_FLIGHT = 16;

    private final SqliteDatabase db;
    private final SubscriberDirectory directory;
    private final Map<Subscriber.Channel, SubscriptionNotifier> notifiers;
    private final RateLimit perSubscriber;
    private final OutboxConfig retry;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<String, TreeMap<Long, Entry>> lanes = new LinkedHashMap<>();
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private final DeliveryLoop loop;
    private int inFlight;

    /**
     * An outbox over an opened database.
     *
     * @param notifiers     the notifier of each channel that can be delivered (e-mail only with SMTP configured)
     * @param perSubscriber the rate limit of each subscriber
     * @param retry         backoff, maximum age and retention (the on-call outbox's settings)
     */
    public SubscriberOutbox(Vertx vertx, SqliteDatabase db, SubscriberDirectory directory,
                            Map<Subscriber.Channel, SubscriptionNotifier> notifiers, RateLimit perSubscriber, OutboxConfig retry, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.notifiers = Map.copyOf(notifiers);
        this.perSubscriber = perSubscriber;
        this.retry = retry;
        this.clock = clock;
        this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
        this.loop = new DeliveryLoop(vertx, LOG, "subscription outbox: delivery paused", "subscription outbox: delivery resumed");
    }

    /** Loads the messages left pending (by a crash or a restart) and starts delivering. */
    public Future<Void> start() {
        return db.run(SubscriberOutboxStore::pending).map(rows -> {
            rows.forEach(this::track);
            if (!rows.isEmpty()) {
                LOG.info("subscription outbox: " + rows.size() + " pending message(s) found in " + db.file() + ", delivering");
            }
            loop.start(this::pump, this::purge);
            pump();
            return null;
        });
    }

    /** Stops delivering; attempts in flight finish. */
    public void stop() {
        loop.stop();
    }

    /** Stops starting deliveries (this server lost the lease); messages are still written. Any thread. */
    public void pause() {
        loop.pause();
    }

    /** Starts delivering again. Any thread. */
    public void resume() {
        loop.resume();
    }

    /** Whether delivery is paused. */
    public boolean isPaused() {
        return loop.isPaused();
    }

    /** Whether subscribers of this channel can be reached. */
    public boolean delivers(Subscriber.Channel channel) {
        return notifiers.containsKey(channel);
    }

    /**
     * Writes a notice and one message per subscriber in one transaction, then schedules them; completes with the
     * number of messages written (0 when the notice's key was already stored).
     */
    public Future<Integer> enqueue(PublicNotice notice, List<String> subscriberIds) {
        return db.run(c -> SubscriberOutboxStore.insert(c, notice, subscriberIds, clock.instant())).map(rows -> {
            rows.forEach(this::track);
            pump();
            return rows.size();
        });
    }

    /** The subjects whose opening was announced and whose resolution not yet (for a restarted announcer). */
    public Future<List<String>> openAnnounced() {
        return db.run(SubscriberOutboxStore::openAnnounced);
    }

    /** Message counts by status, and whether delivery is paused. */
    public Future<JsonObject> status() {
        return db.run(SubscriberOutboxStore::counts).map(counts -> new JsonObject().put("paused", loop.isPaused()).put("messages", counts));
    }

    /** Pending messages known in memory (call on the outbox's context). */
    public int pendingCount() {
        return lanes.values().stream().mapToInt(TreeMap::size).sum();
    }

    private void track(SubscriberOutboxRow row) {
        lanes.computeIfAbsent(row.subscriberId(), s -> new TreeMap<>()).put(row.id(), new Entry(row));
    }

    private void untrack(Entry e) {
        TreeMap<Long, Entry> lane = lanes.get(e.row.subscriberId());
        if (lane != null) {
            lane.remove(e.row.id());
            if (lane.isEmpty()) {
                lanes.remove(e.row.subscriberId());
                buckets.remove(e.row.subscriberId());
            }
        }
    }

    private void pump() {
        if (!loop.delivering()) {
            return;
        }
        Instant now = clock.instant();
        List<Entry> heads = new ArrayList<>();
        for (TreeMap<Long, Entry> lane : lanes.values()) {
            Entry head = lane.firstEntry().getValue();
            if (!head.busy && !now.isBefore(head.row.nextAttemptAt())) {
                heads.add(head);
            }
        }
        heads.sort((a, b) -> Long.compare(a.row.id(), b.row.id()));
        for (Entry e : heads) {
            if (inFlight >= MAX_IN_FLIGHT) {
                return;
            }
            visit(e, now);
        }
    }

    private void visit(Entry e, Instant now) {
        if (Duration.between(e.row.createdAt(), now).compareTo(retry.maxAge()) > 0) {
            finish(e, SubscriberOutboxStore.DEAD, e.row.attempts(), "not delivered within maxAge " + retry.maxAge()
                    + (e.row.reason() == null ? "" : "; last error: " + e.row.reason()));
            return;
        }
        Subscriber s = directory.byId(e.row.subscriberId()).filter(Subscriber::confirmed).orElse(null);
        if (s == null) {
            finish(e, SubscriberOutboxStore.DROPPED, e.row.attempts(), "unsubscribed");
            return;
        }
        SubscriptionNotifier notifier = notifiers.get(s.channel());
        if (notifier == null) {
            finish(e, SubscriberOutboxStore.DEAD, e.row.attempts(), "no " + s.channel().name().toLowerCase() + " delivery configured");
            return;
        }
        if (!buckets.computeIfAbsent(s.id(), id -> new TokenBucket(perSubscriber)).tryTake(now)) {
            return;
        }
        attempt(e, s, notifier);
    }

    private void attempt(Entry e, Subscriber s, SubscriptionNotifier notifier) {
        e.busy = true;
        inFlight++;
        Future<DeliveryOutcome> sent;
        try {
            sent = notifier.send(s, e.row.notice());
        } catch (RuntimeException ex) {
            sent = Future.succeededFuture(DeliveryOutcome.failed("notifier error: " + ex.getClass().getSimpleName()));
        }
        sent.recover(ex -> Future.succeededFuture(DeliveryOutcome.retry("notifier error: " + ex.getClass().getSimpleName(), null)))
                .onSuccess(outcome -> {
                    inFlight--;
                    settle(e, outcome);
                });
    }

    private void settle(Entry e, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        int attempts = e.row.attempts() + 1;
        switch (outcome.status()) {
            case DELIVERED -> finish(e, SubscriberOutboxStore.SENT, attempts, null);
            case FAILED -> finish(e, SubscriberOutboxStore.DEAD, attempts, "rejected: " + outcome.reason());
            case RETRY -> {
                if (retry.maxAttempts() > 0 && attempts >= retry.maxAttempts()) {
                    finish(e, SubscriberOutboxStore.DEAD, attempts, "gave up after " + attempts + " attempts; last error: " + outcome.reason());
                    return;
                }
                Duration wait = backoff.delay(attempts, outcome.retryAfter(), ThreadLocalRandom.current().nextDouble());
                SubscriberOutboxRow row = e.row.retried(attempts, now.plus(wait), outcome.reason());
                LOG.info("subscription message retry: subscriber=" + row.subscriberId() + " key=" + row.notice().key() + " attempt="
                        + attempts + " in " + wait.toMillis() + " ms: " + outcome.reason());
                db.run(c -> {
                    SubscriberOutboxStore.update(c, row.id(), SubscriberOutboxStore.PENDING, attempts, row.nextAttemptAt(), row.reason(), now);
                    return null;
                }).onComplete(ar -> {
                    e.row = row;
                    e.busy = false;
                    if (ar.failed()) {
                        LOG.warning("subscription outbox: cannot record retry of " + row.notice().key() + ": " + ar.cause().getMessage());
                    }
                });
            }
        }
    }

    /** Ends a message: out of memory at once, then its status written in one statement. */
    private void finish(Entry e, String status, int attempts, String reason) {
        untrack(e);
        SubscriberOutboxRow row = e.row;
        if (SubscriberOutboxStore.DEAD.equals(status)) {
            LOG.warning("subscription message dead letter: subscriber=" + row.subscriberId() + " key=" + row.notice().key() + ": " + reason);
        }
        Instant now = clock.instant();
        db.run(c -> {
            SubscriberOutboxStore.update(c, row.id(), status, attempts, now, reason, now);
            return null;
        }).onFailure(ex -> LOG.warning("subscription outbox: cannot mark " + row.notice().key() + " " + status + ": " + ex.getMessage()))
                .onComplete(ar -> pump());
    }

    private void purge() {
        Instant before = clock.instant().minus(retry.retention());
        db.run(c -> SubscriberOutboxStore.purge(c, before))
                .onFailure(ex -> LOG.warning("subscription outbox: purge failed: " + ex.getMessage()));
    }

    private static final class Entry {
        SubscriberOutboxRow row;
        boolean busy;

        Entry(SubscriberOutboxRow row) {
            this.row = row;
        }
    }
}
