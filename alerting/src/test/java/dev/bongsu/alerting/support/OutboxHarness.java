package dev.bongsu.alerting.support;

import static dev.bongsu.alerting.support.Incidents.T0;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.outbox.Outbox;
import dev.bongsu.alerting.outbox.OutboxDatabase;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.SmtpConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** An outbox over a real outbox.db and real notifiers, driven on one Vert.x context as in production. */
public final class OutboxHarness implements AutoCloseable {
    public final Vertx vertx;
    public final Outbox outbox;
    public final OutboxDatabase db;
    public final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Context context;
    private final Notifiers notifiers;

    private OutboxHarness(Vertx vertx, Path dbFile, List<ReceiverConfig> receivers, SmtpConfig smtp, OutboxConfig cfg, Clock clock,
                          String node) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        AlertingConfig a = AlertingConfig.defaults();
        for (ReceiverConfig r : receivers) {
            a = a.withReceiver(r);
        }
        this.notifiers = Notifiers.create(vertx, a, smtp, clock);
        this.db = new OutboxDatabase(vertx, dbFile);
        this.outbox = new Outbox(vertx, db, notifiers, cfg, clock, node);
        vertx.eventBus().<JsonObject>consumer(Addresses.NOTIFICATION_EVENTS, m -> events.add(m.body())).completion().await();
    }

    /** Opens the database and starts the outbox. */
    public static OutboxHarness start(Vertx vertx, Path dbFile, List<ReceiverConfig> receivers, OutboxConfig cfg, Clock clock, String node) {
        return start(vertx, dbFile, receivers, null, cfg, clock, node);
    }

    /** Opens the database and starts the outbox; e-mail receivers send through {@code smtp}. */
    public static OutboxHarness start(Vertx vertx, Path dbFile, List<ReceiverConfig> receivers, SmtpConfig smtp, OutboxConfig cfg,
                                      Clock clock, String node) {
        OutboxHarness h = new OutboxHarness(vertx, dbFile, receivers, smtp, cfg, clock, node);
        h.on(() -> h.db.open().compose(v -> h.outbox.start()));
        return h;
    }

    /** Runs on the outbox's context and waits for the result. */
    public <T> T on(Callable<Future<T>> work) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.call().onComplete(p);
            } catch (Exception e) {
                p.fail(e);
            }
        });
        return p.future().await();
    }

    /** Writes a notification. */
    public void enqueue(Notification n) {
        on(() -> outbox.enqueue(n));
    }

    /** The number of events with this outcome. */
    public long count(String outcome) {
        return events.stream().filter(e -> outcome.equals(e.getString("outcome"))).count();
    }

    /** A notification of incident {@code id} at {@code sequence} to {@code receiver}. */
    public static Notification note(String receiver, String id, int sequence, TransitionType type) {
        Incident i = Incidents.correlated(id, sequence, type == TransitionType.RESOLVED ? IncidentState.RESOLVED : IncidentState.OPEN,
                T0.plusSeconds(sequence), "kakaotalk", "kakaobank");
        return new Notification(receiver, type, i, i.transitionKey(), Notifications.LINK, null, 0, T0.plusSeconds(sequence), null);
    }

    @Override
    public void close() {
        context.runOnContext(v -> outbox.stop());
        on(() -> db.close());
        notifiers.close();
    }
}
