package dev.bongsu.statuspage.subscribe;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Asking to subscribe, whatever the door: the per-client cap, then the store (pending, capped), then the confirmation
 * request through the {@link ConfirmationSender}. When the sender fails the subscriber stays pending and the answer
 * says so; the failure is logged once until sending works again.
 */
public final class SubscriptionFlow {
    /** How long the sender may take before the answer says the confirmation could not be sent. */
    static final long SEND_TIMEOUT_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(SubscriptionFlow.class.getName());

    /** What asking to subscribe did. */
    public enum Outcome {
        /** Stored pending; the confirmation was sent (or was sent a moment ago). */
        PENDING,
        /** Stored pending; the confirmation could not be sent now. */
        NOT_SENT,
        /** Refused: this client asked too often in the last hour. */
        TOO_MANY_FROM_CLIENT,
        /** Refused: too many subscriptions wait for confirmation. */
        TOO_MANY_PENDING;

        /** The Retry-After of a refusal, in seconds. */
        public int retryAfterSeconds() {
            return this == TOO_MANY_FROM_CLIENT ? 3600 : 600;
        }
    }

    private final SubscriberStore store;
    private final ConfirmationSender sender;
    private final SubscriptionLinks links;
    private final ClientRequestLimit perClient;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();

    /** A flow storing into {@code store} and sending through {@code sender} with {@code links}. */
    public SubscriptionFlow(SubscriberStore store, ConfirmationSender sender, SubscriptionLinks links, ClientRequestLimit perClient,
                            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.links = links;
        this.perClient = perClient;
        this.clock = clock;
    }

    /** Subscribes (pending) and asks for confirmation; fails only when the store cannot be written. */
    public Future<Outcome> subscribe(SubscriptionRequest r, String client) {
        if (!perClient.tryAcquire(client, clock.instant())) {
            return Future.succeededFuture(Outcome.TOO_MANY_FROM_CLIENT);
        }
        return store.addPending(r, clock.instant())
                .compose(p -> p.sendConfirmation() ? send(p.subscriber()) : Future.succeededFuture(Outcome.PENDING))
                .recover(e -> e instanceof SubscriberStore.TooManyPending ? Future.succeededFuture(Outcome.TOO_MANY_PENDING)
                        : Future.failedFuture(e));
    }

    private Future<Outcome> send(Subscriber s) {
        Future<Void> sent;
        try {
            sent = sender.sendConfirmation(s, links.confirmUrl(s), links.unsubscribeUrl(s)).timeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        return sent.map(v -> {
            if (failing.compareAndSet(true, false)) {
                LOG.info("subscriptions: confirmation requests are sent again (subscriber " + s.id() + ")");
            }
            return Outcome.PENDING;
        }).otherwise(e -> {
            store.confirmationNotSent(s.id());
            if (failing.compareAndSet(false, true)) {
                // the address stays out of the log: the sender's message may quote it
                String why = String.valueOf(e.getMessage()).replace(s.address(), "<address>");
                LOG.warning("subscriptions: the confirmation request for subscriber " + s.id() + " could not be sent (" + why
                        + "); subscribers stay pending until they ask again; further failures are not logged until one succeeds");
            }
            return Outcome.NOT_SENT;
        });
    }
}
