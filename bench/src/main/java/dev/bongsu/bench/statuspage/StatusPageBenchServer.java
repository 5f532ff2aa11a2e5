package dev.bongsu.bench.statuspage;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.web.BearerTokenHandler;
import dev.bongsu.statuspage.StatusSite;
import dev.bongsu.statuspage.subscribe.SubscriberStore;
import dev.bongsu.statuspage.subscribe.Subscriptions;
import dev.bongsu.statuspage.subscribe.delivery.SubscriptionDelivery;
import dev.bongsu.statuspage.updates.UpdatesStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Serves the status page on made-up data for the flash-crowd benchmark: {@code StatusPageBenchServer PORT [SERVERS [DATA_DIR]]}.
 * Mounts the site the way the app does (body and token handlers in front), on SERVERS HTTP server instances
 * sharing the port (one per event loop, default 2).
 *
 * <p>With {@code SUBSCRIBERS=N} (N &gt; 0) in the environment it also runs public subscriptions as the app wires them:
 * N confirmed subscribers in the real subscriber store, half webhooks to {@code HOOK_URL}, half e-mail through the
 * SMTP server on 127.0.0.1:{@code SMTP_PORT} (without it, all webhooks), and the real subscription delivery deployed
 * in this JVM. A control
 * server on 127.0.0.1:{@code CONTROL_PORT} takes {@code POST /start} (announce a notice every
 * {@code ANNOUNCE_EVERY_MS}, default 1000) and {@code POST /stop} (answers what was delivered meanwhile).
 */
public final class StatusPageBenchServer {
    private StatusPageBenchServer() {
    }

    /** Starts the server and prints {@code listening on PORT} when ready. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int subscribers = Integer.parseInt(env("SUBSCRIBERS", "0"));
        Vertx vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("bongsu-bench-statuspage");
        Clock clock = Clock.systemUTC();
        BongsuConfig cfg = subscribers > 0
                ? BenchData.config(dir, BenchSubscribers.yaml(subscribers, Integer.parseInt(env("SMTP_PORT", "0"))))
                : BenchData.config(dir);
        BenchData data = new BenchData();
        StatusSite site = new StatusSite(vertx, cfg, data, data, data, new UpdatesStore(vertx, dir.resolve("updates.db")));
        SubscriptionDelivery delivery = null;
        SubscriberStore store = null;
        if (subscribers > 0) {
            // as the app wires them: the store behind the site's subscription routes, read by the delivery
            store = Subscriptions.store(vertx, cfg, cfg.storage().dir().resolve(Subscriptions.FILE));
            delivery = SubscriptionDelivery.create(vertx, cfg, store, clock);
            site.withSubscriptions(new Subscriptions(vertx, cfg, store, delivery.confirmations(), clock));
            site.operatorAnnouncements(delivery.announcements());
        }
        site.start().await();
        if (subscribers > 0) {
            int confirmed = BenchSubscribers.create(store, cfg, subscribers, env("HOOK_URL", "http://127.0.0.1:9/hook"), clock).await();
            vertx.deployVerticle(delivery.verticle()).await();
            System.out.println("subscriptions: " + confirmed + " confirmed subscribers, delivery deployed");
            control(vertx, new NoticeStorm(vertx, delivery, confirmed, Duration.ofMillis(Long.parseLong(env("ANNOUNCE_EVERY_MS", "1000"))),
                    clock), Integer.parseInt(env("CONTROL_PORT", "0")));
        }
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                Router router = Router.router(vertx);
                router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
                router.route("/api/v1/admin/*").handler(new BearerTokenHandler(null));
                site.mount(router);
                return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(servers)).await();
        System.out.println("listening on " + port);
    }

    /** The control server of the subscription run, on its own port and context, apart from the measured server. */
    private static void control(Vertx vertx, NoticeStorm storm, int port) {
        vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                Router router = Router.router(vertx);
                router.post("/start").handler(rc -> storm.start().onComplete(ar -> rc.response().end(ar.succeeded() ? "started\n"
                        : "failed: " + ar.cause().getMessage() + "\n")));
                router.post("/stop").handler(rc -> storm.stop().onComplete(ar -> rc.response().end(ar.succeeded() ? ar.result() + "\n"
                        : "failed: " + ar.cause().getMessage() + "\n")));
                return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                        .onSuccess(s -> System.out.println("subscriptions: control on " + s.actualPort()));
            }
        }).await();
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
