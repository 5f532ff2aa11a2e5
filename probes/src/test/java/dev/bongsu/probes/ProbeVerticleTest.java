package dev.bongsu.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ProbeSettings;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.Thresholds;
import dev.bongsu.probes.check.Checker;
import dev.bongsu.probes.check.Checkers;
import dev.bongsu.probes.check.HostileServers;
import dev.bongsu.probes.schedule.Phase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeVerticleTest {
    /** How far the manual monotonic clock moves at a time: well inside the lag threshold of 1 s checks (250 ms). */
    private static final long STEP_MS = 100;
    private Vertx vertx;
    private int port;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final List<ResultBatch> batches = new CopyOnWriteArrayList<>();
    /** Each batch with the frame it came in. */
    private final List<Map.Entry<WallFrame, ResultBatch>> framed = new CopyOnWriteArrayList<>();
    private final List<JsonObject> stats = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        vertx.eventBus().<ResultBatch>consumer(Addresses.RESULTS, m -> {
            framed.add(new java.util.AbstractMap.SimpleEntry<>(FrameHeaders.read(m.headers()), m.body()));
            batches.add(m.body());
        });
        vertx.eventBus().<JsonObject>consumer(Addresses.PROBE_STATS, m -> stats.add(m.body()));
        port = vertx.createHttpServer().requestHandler(req -> {
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            long delay = req.path().equals("/slow") ? 700 : 1;
            vertx.setTimer(delay, t -> {
                open.decrementAndGet();
                req.response().end("ok");
            });
        }).listen(0, "127.0.0.1").await().actualPort();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private CheckConfig check(String id, String path, long intervalMs) {
        return check(id, "http://127.0.0.1:" + port + path, intervalMs, Math.min(intervalMs, 2_000));
    }

    private static CheckConfig check(String id, String url, long intervalMs, long timeoutMs) {
        HttpTarget t = new HttpTarget(URI.create(url), "GET", Map.of(), null, StatusSet.SUCCESS, null, null, true, 5, 65_536, true);
        return new CheckConfig(id, "http", id.split("\\.")[0], CheckType.HTTP, Duration.ofMillis(intervalMs),
                Duration.ofMillis(timeoutMs), true, t, Thresholds.DEFAULTS, Map.of());
    }

    private List<ProbeResult> results() {
        return batches.stream().flatMap(b -> b.results().stream()).toList();
    }

    private List<ProbeResult> resultsOf(String checkId) {
        return results().stream().filter(r -> r.checkId().equals(checkId)).toList();
    }

    private Set<String> checkIdsSeen() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        batches.forEach(b -> b.results().forEach(r -> ids.add(r.checkId())));
        return ids;
    }

    @Test
    void publishesBatchesStampedWithTheVantageAndStats() {
        List<CheckConfig> checks = IntStream.range(0, 20).mapToObj(i -> check("svc" + i + ".http", "/ok", 2_000)).toList();
        ProbeVerticle v = new ProbeVerticle("seoul-kt", checks, new ProbeSettings(5, Duration.ofMillis(100), 100));
        vertx.deployVerticle(v).await();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> checkIdsSeen().size() == 20 && !stats.isEmpty());
        assertThat(batches).allSatisfy(b -> {
            assertThat(b.vantage()).isEqualTo("seoul-kt");
            assertThat(b.results()).hasSizeBetween(1, 5).allSatisfy(r -> assertThat(r.vantage()).isEqualTo("seoul-kt"));
        });
        assertThat(batches.stream().flatMap(b -> b.results().stream())).allMatch(ProbeResult::ok);
        JsonObject s = stats.get(0);
        assertThat(s.getString("vantage")).isEqualTo("seoul-kt");
        assertThat(s.getString("node")).isEqualTo(v.nodeId());
        assertThat(s.getInteger("checks")).isEqualTo(20);
        assertThat(s.getLong("probesTotal")).isPositive();
        assertThat(s.fieldNames()).contains("inFlight", "skippedOverlap", "missedRuns", "lagP50Ms", "lagP99Ms", "lagMaxMs");
        assertThat(s.getValue("overloaded")).isInstanceOf(Boolean.class);
        assertThat(s.getLong("lagP99Ms")).isLessThan(1_000);
    }

    @Test
    void neverRunsMoreThanMaxInFlightProbesAndANodeOutOfProbeSlotsSaysItIsOverloaded() {
        // 12 checks of 700 ms every 2 s need 4.2 probes in flight; the node may run 3
        List<CheckConfig> checks = IntStream.range(0, 12).mapToObj(i -> check("slow" + i + ".http", "/slow", 2_000)).toList();
        ProbeVerticle v = new ProbeVerticle("busan", checks, new ProbeSettings(100, Duration.ofMillis(50), 3));
        vertx.deployVerticle(v).await();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> checkIdsSeen().size() == 12
                && stats.stream().anyMatch(s -> s.getLong("missedRuns") > 0 && s.getBoolean("overloaded")));
        assertThat(maxOpen.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void reassignedChecksReplaceTheRunningOnes() {
        List<CheckConfig> first = IntStream.range(0, 5).mapToObj(i -> check("a" + i + ".http", "/ok", 500)).toList();
        List<CheckConfig> second = IntStream.range(0, 3).mapToObj(i -> check("b" + i + ".http", "/ok", 500)).toList();
        ProbeVerticle v = new ProbeVerticle("tokyo", first, new ProbeSettings(10, Duration.ofMillis(50), 100), "node-1",
                Checkers::standard, ProbeClock.system());
        vertx.deployVerticle(v).await();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> checkIdsSeen().size() == 5);

        v.assign(second);
        assertThat(v.assignment()).isEqualTo(second);
        // wait until any run of the old checks that was in flight has arrived, then only the new ones may appear
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> checkIdsSeen().containsAll(Set.of("b0.http", "b1.http", "b2.http")));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() > 0);
        int mark = batches.size();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() > mark + 5);
        assertThat(batches.subList(mark + 1, batches.size()).stream().flatMap(b -> b.results().stream()).map(ProbeResult::checkId))
                .allMatch(id -> id.startsWith("b"));
    }

    @Test
    void aTargetThatHangsUntilTheTimeoutIsStillProbedAtEveryIntervalAndItsResultsStayInOrder() {
        HostileServers hostile = new HostileServers(vertx);
        String url = "http://127.0.0.1:" + hostile.hang() + "/";
        // a timeout longer than the interval: up to ceil(400 / 200) + 1 = 3 runs of a check overlap
        List<CheckConfig> checks = List.of(check("hang1.http", url, 200, 400), check("hang2.http", url, 200, 400));
        vertx.deployVerticle(new ProbeVerticle("seoul", checks, new ProbeSettings(50, Duration.ofMillis(50), 100))).await();

        // 25 results take 5 s at the scheduled rate; skipping overlapping runs (one in three slots) would take 15 s
        Awaitility.await().atMost(Duration.ofSeconds(12))
                .until(() -> resultsOf("hang1.http").size() >= 25 && resultsOf("hang2.http").size() >= 25);
        for (String id : List.of("hang1.http", "hang2.http")) {
            List<ProbeResult> rs = resultsOf(id);
            assertThat(rs).allSatisfy(r -> assertThat(r.error()).isEqualTo(ErrorClass.READ_TIMEOUT));
            assertThat(rs).extracting(ProbeResult::startedAt).isSorted().doesNotHaveDuplicates();
            long slots = Math.round((rs.get(rs.size() - 1).startedAt() - rs.get(0).startedAt()) / 200.0) + 1;
            // every slot probed, give or take a run missed on a busy machine; every third slot would be 33 %
            assertThat(rs.size()).as("results of %s over %d slots", id, slots).isGreaterThanOrEqualTo((int) (slots * 0.7));
        }
    }

    @Test
    void aRunFinishingBeforeAnEarlierOneWaitsSoTheEarlierFailureIsNotDroppedAsLate() {
        List<Promise<ProbeResult>> pending = new CopyOnWriteArrayList<>();
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        Checker held = new Checker() {
            @Override
            public CheckType type() {
                return CheckType.HTTP;
            }

            @Override
            public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
                Promise<ProbeResult> p = Promise.promise();
                startedAt.add(startedAtMs);
                pending.add(p);
                return p.future();
            }
        };
        CheckConfig c = check("held.http", "/ok", 200); // timeout 200 ms: at most 2 runs in flight
        vertx.deployVerticle(new ProbeVerticle("seoul", List.of(c), new ProbeSettings(10, Duration.ofMillis(20), 100), "node-1",
                vx -> new Checkers(List.of(held)), ProbeClock.system())).await();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pending.size() >= 2);

        // run 2 passes at once, run 1 hangs until its deadline and fails afterwards
        pending.get(1).complete(ProbeResult.success(c.id(), c.serviceId(), "seoul", startedAt.get(1), 200, Timings.total(3)));
        pending.get(0).complete(ProbeResult.failure(c.id(), c.serviceId(), "seoul", startedAt.get(0), ErrorClass.READ_TIMEOUT, 0,
                Timings.total(200), "no response within 200 ms"));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> results().size() >= 2);
        assertThat(results()).extracting(ProbeResult::startedAt, ProbeResult::ok)
                .startsWith(org.assertj.core.groups.Tuple.tuple(startedAt.get(0), false), org.assertj.core.groups.Tuple.tuple(startedAt.get(1), true));
    }

    @Test
    void aNodeThatCannotStartItsRunsOnTimeSaysItIsOverloadedAtOnceAndWhenItRecovers() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ProbeVerticle.class.getName());
        log.addHandler(capture);
        try {
            AtomicLong skew = new AtomicLong();
            ProbeClock real = ProbeClock.system();
            List<CheckConfig> checks = IntStream.range(0, 50).mapToObj(i -> check("svc" + i + ".http", "/ok", 10_000)).toList();
            vertx.deployVerticle(new ProbeVerticle("seoul", checks, new ProbeSettings(100, Duration.ofMillis(50), 100), "node-1",
                    Checkers::standard, ProbeClock.of(real::wallMs, () -> real.monotonicMs() + skew.get()))).await();
            // the node's monotonic clock leaps 3 s: a 3 s stall, so the runs due meanwhile start late or are missed
            skew.set(3_000);

            // statistics are due every 5 s (10 s intervals); the change is published within the 1 s overload window
            Awaitility.await().atMost(Duration.ofSeconds(4)).until(() -> !stats.isEmpty());
            JsonObject first = stats.get(0);
            assertThat(first.getBoolean("overloaded")).isTrue();
            assertThat(first.getLong("missedRuns")).isPositive();

            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !stats.get(stats.size() - 1).getBoolean("overloaded"));
            assertThat(logged).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).startsWith("probe node node-1 of vantage seoul is overloaded: "));
            assertThat(logged).filteredOn(r -> r.getMessage().contains("recovered from overload")).hasSize(1);
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void aWallClockJumpingAnHourEitherWayNeitherStopsProbingNorMakesRunsLate() {
        long epoch = 1_767_225_600_000L;
        AtomicLong monotonic = new AtomicLong();
        AtomicLong wallJump = new AtomicLong();
        List<long[]> runs = new CopyOnWriteArrayList<>(); // {monotonic ms, wall stamp} of each run as it started
        Checker instant = new Checker() {
            @Override
            public CheckType type() {
                return CheckType.HTTP;
            }

            @Override
            public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
                runs.add(new long[] {monotonic.get(), startedAtMs});
                return Future.succeededFuture(ProbeResult.success(check.id(), check.serviceId(), vantage, startedAtMs, 200, Timings.total(1)));
            }
        };
        List<CheckConfig> checks = IntStream.range(0, 4).mapToObj(i -> check("svc" + i + ".http", "/ok", 1_000)).toList();
        vertx.deployVerticle(new ProbeVerticle("busan", checks, new ProbeSettings(10, Duration.ofMillis(20), 100), "node-1",
                vx -> new Checkers(List.of(instant)), ProbeClock.of(() -> epoch + monotonic.get() + wallJump.get(), monotonic::get))).await();

        // 3 s of the monotonic clock with the wall clock right, 1 h ahead, 1 h behind and right again
        for (long jump : new long[] {0, 3_600_000, -3_600_000, 0}) {
            wallJump.set(jump);
            long from = monotonic.get();
            advanceInSteps(monotonic, 3_000, checks, runs);
            assertThat(runs).filteredOn(r -> r[0] > from).isNotEmpty()
                    .allSatisfy(r -> assertThat(r[1]).as("wall stamp of a run with the wall clock %d ms off", jump)
                            .isEqualTo(epoch + r[0] + jump));
        }
        // every batch leaves with the frame its results are stamped in: each result's wall stamp less the frame's
        // offset is the monotonic time its run started
        Set<Long> runStarts = runs.stream().map(r -> r[0]).collect(java.util.stream.Collectors.toSet());
        assertThat(framed).isNotEmpty().allSatisfy(e -> {
            WallFrame f = e.getKey();
            assertThat(f).isNotNull();
            assertThat(f.wallMs() - f.monotonicMs()).isIn(epoch, epoch + 3_600_000, epoch - 3_600_000);
            assertThat(e.getValue().results()).allSatisfy(r -> assertThat(runStarts).contains(r.startedAt() - f.wallMs() + f.monotonicMs()));
        });
        int before = stats.size();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> stats.size() > before);
        JsonObject last = stats.get(stats.size() - 1);
        assertThat(last.getLong("probesTotal")).isEqualTo(runs.size());
        assertThat(last.getLong("missedRuns")).isZero();
        assertThat(stats).allSatisfy(s -> {
            assertThat(s.getBoolean("overloaded")).isFalse();
            assertThat(s.getLong("lagMaxMs")).isLessThanOrEqualTo(STEP_MS);
        });
    }

    /**
     * Moves the manual monotonic clock {@code ms} ahead in steps well inside the lag threshold, waiting at each step
     * until every run due by then has started: one per slot of each check (slots at its phase plus whole intervals).
     */
    private static void advanceInSteps(AtomicLong monotonic, long ms, List<CheckConfig> checks, List<long[]> runs) {
        for (long end = monotonic.get() + ms; monotonic.get() < end; ) {
            long now = monotonic.addAndGet(STEP_MS);
            long due = checks.stream().mapToLong(c -> {
                long interval = c.interval().toMillis();
                long phase = Phase.of(c.id(), interval);
                return now < phase ? 0 : (now - phase) / interval + 1;
            }).sum();
            Awaitility.await("runs due by " + now + " ms").atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2)).until(() -> runs.size() >= due);
            assertThat(runs).as("runs by %d ms", now).hasSize((int) due);
        }
    }

    @Test
    void statisticsComeAtTheSmallestIntervalInWholeSecondsBetween1And5s() {
        assertThat(ProbeVerticle.statsPeriodMs(200)).isEqualTo(1_000);
        assertThat(ProbeVerticle.statsPeriodMs(2_500)).isEqualTo(2_000);
        assertThat(ProbeVerticle.statsPeriodMs(30_000)).isEqualTo(5_000);
        assertThat(ProbeVerticle.statsPeriodMs(Long.MAX_VALUE)).isEqualTo(5_000);
    }
}
