package dev.bongsu.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ProbeSettings;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe plane runs on event loops of its own: a public listener whose event loop is blocked (here the only event
 * loop of the "server" instance, by a route that holds it for seconds) does not stop probes from running and their
 * results from reaching the server's event bus.
 */
class ProbePlaneTest {
    private static final long BLOCK_MS = 4_000;
    private Vertx server;
    private Vertx fleet;
    private ProbePlane plane;
    private int publicPort;
    private int targetPort;
    private final List<ResultBatch> batches = new CopyOnWriteArrayList<>();
    private final List<JsonObject> stats = new CopyOnWriteArrayList<>();
    private final AtomicBoolean blocking = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);

    /** Listens to the server's bus from a worker context, so the listener itself needs no event loop of the server. */
    private final class Listener extends VerticleBase {
        @Override
        public Future<?> start() {
            return Future.join(vertx.eventBus().<ResultBatch>consumer(Addresses.RESULTS, m -> batches.add(m.body())).completion(),
                    vertx.eventBus().<JsonObject>consumer(Addresses.PROBE_STATS, m -> stats.add(m.body())).completion());
        }
    }

    @BeforeEach
    void start() {
        server = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Codecs.registerAll(server.eventBus());
        server.deployVerticle(new Listener(), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await();
        publicPort = server.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/block")) {
                // what a hostile or broken request can do to a public listener: hold its event loop
                blocking.set(true);
                try {
                    release.await(BLOCK_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                blocking.set(false);
            }
            req.response().end("ok");
        }).listen(0, "127.0.0.1").await().actualPort();
        fleet = Vertx.vertx();
        targetPort = fleet.createHttpServer().requestHandler(req -> req.response().end("ok")).listen(0, "127.0.0.1").await().actualPort();
        plane = ProbePlane.start(server, 2).await();
    }

    @AfterEach
    void stop() {
        release.countDown();
        plane.close().await();
        server.close().await();
        fleet.close().await();
    }

    private CheckConfig check() {
        HttpTarget t = new HttpTarget(URI.create("http://127.0.0.1:" + targetPort + "/health"), "GET", Map.of(), null,
                StatusSet.SUCCESS, null, null, true, 5, 65_536, true);
        return new CheckConfig("svc.http", "http", "svc", CheckType.HTTP, Duration.ofMillis(200), Duration.ofSeconds(1), true, t,
                Thresholds.DEFAULTS, Map.of());
    }

    private long resultsStartedAfter(long ms) {
        return batches.stream().flatMap(b -> b.results().stream()).filter(r -> r.startedAt() > ms && r.ok()).count();
    }

    @Test
    void aBlockedPublicEventLoopDoesNotHoldProbingBack() throws Exception {
        ProbeVerticle verticle = plane.deploy(new ProbeVerticle("seoul", List.of(check()), new ProbeSettings(10, Duration.ofMillis(50), 10),
                plane.output())).await();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> resultsStartedAfter(0) >= 3);
        assertThat(batches).allSatisfy(b -> assertThat(b.vantage()).isEqualTo("seoul"));

        CompletableFuture<HttpResponse<String>> blocked = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + publicPort + "/block")).build(),
                HttpResponse.BodyHandlers.ofString());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilTrue(blocking);
        long blockedAt = System.currentTimeMillis();

        // Probes every 200 ms: while the server's only event loop is held, at least 3 fresh results still arrive.
        Awaitility.await().atMost(Duration.ofMillis(BLOCK_MS - 500)).until(() -> resultsStartedAfter(blockedAt) >= 3);
        assertThat(blocking).as("the public event loop was still blocked while the results arrived").isTrue();

        release.countDown();
        assertThat(blocked.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stats.stream().anyMatch(s -> "seoul".equals(s.getString("vantage"))));
        assertThat(plane.vertx()).isNotSameAs(server);
        assertThat(verticle.vantage()).isEqualTo("seoul");
    }

    @Test
    void closingThePlaneSendsItsLastResultsAndStopsProbing() {
        plane.deploy(new ProbeVerticle("busan", List.of(check()), new ProbeSettings(1_000, Duration.ofSeconds(30), 10),
                plane.output())).await();
        // a batch waits up to 30 s: only undeploying the verticle flushes it, through the bridge
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stats.stream().anyMatch(s -> s.getLong("probesTotal") >= 2));
        assertThat(batches).isEmpty();
        plane.close().await();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> resultsStartedAfter(0) >= 1);
        List<ProbeResult> all = batches.stream().flatMap(b -> b.results().stream()).toList();
        assertThat(all).allSatisfy(r -> assertThat(r.vantage()).isEqualTo("busan"));
    }
}
