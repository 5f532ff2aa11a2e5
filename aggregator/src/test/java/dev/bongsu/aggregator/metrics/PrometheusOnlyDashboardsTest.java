package dev.bongsu.aggregator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.aggregator.AggregatorOptions;
import dev.bongsu.aggregator.AggregatorVerticle;
import dev.bongsu.aggregator.store.sqlite.SqliteTimeSeriesStore;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.Health;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Timings;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.SeriesBudget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.testkit.GrafanaDashboard;
import dev.bongsu.testkit.PrometheusDashboardQueries;
import dev.bongsu.testkit.PrometheusProcess;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bongsu's default set-up without InfluxDB — the SQLite store, the aggregator and {@code /metrics} with per-check
 * series for a configuration — scraped by a real Prometheus while probe nodes publish results; then every query of
 * every Prometheus-only Grafana dashboard (panels and template variables, with Grafana's macros filled in) must run and
 * return data.
 */
class PrometheusOnlyDashboardsTest {
    static final Path DASHBOARDS = GrafanaDashboard.folder("prometheus-only");
    static final String FLEET = """
            vantages: [seoul-kt, busan-skb, tokyo-aws]
            storage: {dir: "%s"}
            services:
              - id: kakaotalk
                name: KakaoTalk
                provider: kakao
                category: messenger
                checks:
                  - {type: http, url: "https://127.0.0.1:8443/health"}
                  - {type: tcp, host: 127.0.0.1, port: 5222}
              - id: kakaobank
                name: KakaoBank
                provider: kakao
                category: bank
                checks:
                  - {type: http, url: "https://127.0.0.1:8444/"}
                  - {type: tls, host: 127.0.0.1, port: 8444}
                  - {type: heartbeat, period: 1m}
              - id: naver-map
                name: Naver Map
                provider: naver
                category: map
                checks:
                  - {type: http, url: "http://127.0.0.1:8081/"}
                  - {type: dns, query: map.naver.com}
            """;

    @TempDir
    static Path tmp;
    static BongsuConfig config;
    static Vertx vertx;
    static SqliteTimeSeriesStore store;
    static PrometheusProcess prometheus;
    static PrometheusDashboardQueries dashboards;

    @BeforeAll
    static void runBongsuOnSqliteScrapedByPrometheus() throws Exception {
        config = new ConfigLoader(Map.of()).parse("fleet.yaml", FLEET.formatted(tmp.resolve("data")));
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        store = SqliteTimeSeriesStore.open(vertx, config.storage()).await();
        AggregatorOptions d = AggregatorOptions.defaults();
        vertx.deployVerticle(new AggregatorVerticle(store, Clock.systemUTC(),
                new AggregatorOptions(d.grace(), d.windowResults(), d.windowAge(), d.tick(), Duration.ofSeconds(1), d.rebuildDelay()))).await();
        MetricsVerticle metrics = new MetricsVerticle(config, null);
        vertx.deployVerticle(metrics).await();
        Router router = Router.router(vertx);
        metrics.mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        prometheus = PrometheusProcess.start(tmp, "127.0.0.1:" + server.actualPort());
        dashboards = new PrometheusDashboardQueries(prometheus);

        publishServiceStates();
        vertx.setPeriodic(0, 500, PrometheusOnlyDashboardsTest::probeRound);
        long pairs = SeriesBudget.of(config).probedPairs() + SeriesBudget.of(config).heartbeatChecks();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                resultOf("count(bongsu_check_up)").getJsonObject(0).getJsonArray("value").getString(1).equals(Long.toString(pairs))
                        && !resultOf("rate(bongsu_store_written_points_total[1m])").isEmpty()
                        && !resultOf("rate(bongsu_probe_duration_seconds_bucket[1m])").isEmpty()
                        && !resultOf("rate(bongsu_check_results_unconfigured_total[1m])").isEmpty()
                        && !resultOf("rate(bongsu_probes_total{outcome=\"failure\"}[1m])").isEmpty());
    }

    /** What the detector publishes: kakaotalk degraded (its tcp check fails from one vantage), the others up. */
    static void publishServiceStates() {
        Instant now = Instant.now();
        for (ServiceConfig s : config.services()) {
            Health h = s.id().equals("kakaotalk") ? Health.DEGRADED : Health.UP;
            vertx.eventBus().publish(Addresses.SERVICE_STATES, new ServiceStateChange(new ServiceState(s.id(), Health.UNKNOWN, now, null),
                    new ServiceState(s.id(), h, now, null)));
        }
    }

    /** One round of every probe node: a result per check from its vantage, its scheduler figures, and one rogue result. */
    static void probeRound(long round) {
        long now = System.currentTimeMillis();
        List<String> vantages = config.vantageNames();
        for (int v = 0; v < vantages.size(); v++) {
            String vantage = vantages.get(v);
            List<ProbeResult> results = new ArrayList<>();
            for (CheckConfig c : config.checks()) {
                if (!(c.target() instanceof HeartbeatTarget)) {
                    results.add(result(c, vantage, v, round, now));
                }
            }
            vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch(vantage, results));
            vertx.eventBus().publish(Addresses.PROBE_STATS, new JsonObject().put("vantage", vantage).put("node", vantage + "-1")
                    .put("checks", results.size()).put("inFlight", 1).put("probesTotal", round * results.size()).put("skippedOverlap", 0)
                    .put("lagP50Ms", 0.8).put("lagP99Ms", 4.5 + v).put("lagMaxMs", 9.0).put("overloaded", false));
        }
        vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch(HeartbeatTarget.VANTAGE, List.of(
                ProbeResult.success("kakaobank.heartbeat", "kakaobank", HeartbeatTarget.VANTAGE, now, 0, Timings.total(0)))));
        vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch("rogue", List.of(
                ProbeResult.success("kakaotalk.http", "kakaotalk", "rogue", now, 200, Timings.total(1)))));
    }

    static ProbeResult result(CheckConfig c, String vantage, int v, long round, long now) {
        double total = 20 + (round * 7 + v * 13) % 40;
        if (c.id().equals("kakaotalk.tcp") && vantage.equals("busan-skb")) {
            return ProbeResult.failure(c.id(), c.serviceId(), vantage, now, ErrorClass.CONNECT_REFUSED, 0,
                    new Timings(Timings.NOT_MEASURED, 1.5, Timings.NOT_MEASURED, Timings.NOT_MEASURED, 1.5), "refused");
        }
        return switch (c.type()) {
            case HTTP -> {
                ProbeResult r = ProbeResult.success(c.id(), c.serviceId(), vantage, now, 200, new Timings(2 + v, 5 + v, 8, total - 5, total));
                yield SeriesBudget.hasCertificate(c) ? r.withCertDaysLeft(40.5 + v) : r;
            }
            case TCP -> ProbeResult.success(c.id(), c.serviceId(), vantage, now, 0,
                    new Timings(Timings.NOT_MEASURED, total, Timings.NOT_MEASURED, Timings.NOT_MEASURED, total));
            case TLS -> ProbeResult.success(c.id(), c.serviceId(), vantage, now, 0, new Timings(1, 4, 9, Timings.NOT_MEASURED, 14))
                    .withCertDaysLeft(75.0);
            case DNS -> ProbeResult.success(c.id(), c.serviceId(), vantage, now, 0,
                    new Timings(total, Timings.NOT_MEASURED, Timings.NOT_MEASURED, Timings.NOT_MEASURED, total));
            case HEARTBEAT -> throw new AssertionError("heartbeats are pushed, not probed");
        };
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (vertx != null) {
                for (String id : vertx.deploymentIDs()) {
                    vertx.undeploy(id).await();
                }
                store.close().await();
                vertx.close().await();
            }
        } finally {
            if (prometheus != null) {
                prometheus.close();
            }
        }
    }

    static JsonArray resultOf(String promql) throws Exception {
        return prometheus.result(promql);
    }

    static Stream<GrafanaDashboard.Query> queries() {
        return GrafanaDashboard.in(DASHBOARDS).stream().flatMap(d -> d.queries().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void everyDashboardQueryRunsAndReturnsData(GrafanaDashboard.Query q) throws Exception {
        assertThat(q.text()).as(q + " has a query").isNotBlank();
        GrafanaDashboard d = GrafanaDashboard.read(DASHBOARDS.resolve(q.dashboard()));
        String promql = PrometheusDashboardQueries.promql(q.text(), dashboards.variableValues(d), d.singleValued());
        assertThat(resultOf(promql)).as(q + " returns data: " + promql).isNotEmpty();
    }

    @Test
    void theServicesDashboardShowsUpAndLatencyForEveryConfiguredService() throws Exception {
        GrafanaDashboard d = GrafanaDashboard.read(DASHBOARDS.resolve("services.json"));
        for (String title : List.of("Checks passing now, per service", "Latency per service (slowest check and vantage)")) {
            assertThat(PrometheusDashboardQueries.labelValues(dashboards.run(d, d.panelQuery(title)), "service"))
                    .as(title).containsExactlyInAnyOrder("kakaotalk", "kakaobank", "naver-map");
        }
    }

    @Test
    void aRogueVantageMakesNoSeriesAndEveryDashboardUsesPrometheusOnly() throws Exception {
        assertThat(resultOf("bongsu_check_up{vantage=\"rogue\"}")).isEmpty();
        assertThat(resultOf("bongsu_check_up{check=\"kakaobank.heartbeat\"}").getJsonObject(0).getJsonObject("metric").getString("vantage"))
                .isEqualTo("push");
        List<GrafanaDashboard> all = GrafanaDashboard.in(DASHBOARDS);
        for (GrafanaDashboard d : all) {
            assertThat(d.json().encode()).as(d.name()).doesNotContain("bongsu-influx");
            assertThat(d.queries()).as(d.name()).allSatisfy(q -> assertThat(q.datasource()).as(q.toString()).isEqualTo("bongsu-prometheus"));
        }
        assertThat(all).hasSize(2);
        assertThat(queries()).hasSizeGreaterThan(15);
    }
}
