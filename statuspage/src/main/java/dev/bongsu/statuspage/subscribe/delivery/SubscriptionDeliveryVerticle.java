package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.store.SqliteDatabase;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriberDirectory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Opens subscriptions-outbox.db, starts the {@link SubscriberOutbox}, and turns the detector's transitions (on
 * {@link Addresses#INCIDENTS}) into notices with the {@link IncidentAnnouncer}; every notice, from the announcer or
 * from {@link #announce}, is fanned out to the confirmed subscribers it concerns, in the order it arrived.
 */
public final class SubscriptionDeliveryVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(SubscriptionDeliveryVerticle.class.getName());
    private static final long TICK_MS = 250;

    private final SqliteDatabase db;
    private final SubscriberOutbox outbox;
    private final IncidentAnnouncer announcer;
    private final SubscriberDirectory directory;
    private final BongsuConfig cfg;
    private final Clock clock;
    private Future<Void> writes = Future.succeededFuture();
    private volatile Context own;
    private long ticker = -1;

    SubscriptionDeliveryVerticle(SqliteDatabase db, SubscriberOutbox outbox, IncidentAnnouncer announcer, SubscriberDirectory directory,
                                 BongsuConfig cfg, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.announcer = announcer;
        this.directory = directory;
        this.cfg = cfg;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        own = context;
        return db.open(SubscriberOutboxStore::createSchema)
                .compose(v -> outbox.start())
                .compose(v -> outbox.openAnnounced())
                .compose(open -> {
                    announcer.restore(open);
                    MessageConsumer<IncidentTransition> incidents = vertx.eventBus().consumer(Addresses.INCIDENTS,
                            m -> announcer.accept(m.body(), clock.instant()).forEach(this::fanOut));
                    ticker = vertx.setPeriodic(TICK_MS, id -> announcer.due(clock.instant()).forEach(this::fanOut));
                    LOG.info("subscriptions: delivering e-mail " + (outbox.delivers(Subscriber.Channel.EMAIL) ? "through " + cfg.smtp().host()
                            + ":" + cfg.smtp().port() : "off (no smtp section)") + " and webhooks; outbox " + db.file());
                    return incidents.completion();
                });
    }

    @Override
    public Future<?> stop() {
        if (ticker >= 0) {
            vertx.cancelTimer(ticker);
        }
        outbox.stop();
        return writes.eventually(db::close);
    }

    /** Fans a notice out on this verticle's context; completes once its messages are on disk. Any thread. */
    Future<Void> announce(PublicNotice notice) {
        Context c = own;
        if (c == null) {
            return Future.failedFuture("subscription delivery is not started");
        }
        Promise<Void> done = Promise.promise();
        c.runOnContext(v -> fanOut(notice).onComplete(done));
        return done.future();
    }

    private Future<Void> fanOut(PublicNotice notice) {
        // Chained, so messages are written (and delivered per subscriber) in the order the notices came.
        writes = writes.transform(ar -> {
            List<String> ids = directory.confirmed().stream()
                    .filter(s -> outbox.delivers(s.channel()) && s.scope().covers(notice.services(), cfg))
                    .map(Subscriber::id)
                    .toList();
            return outbox.enqueue(notice, ids).map(n -> {
                if (n > 0) {
                    LOG.info("subscriptions: " + notice.key() + " (" + notice.event() + ") for " + n + " subscriber(s)");
                }
                return (Void) null;
            });
        });
        return writes.onFailure(e -> LOG.severe("subscriptions: cannot store " + notice.key() + ": " + e.getMessage()));
    }
}
