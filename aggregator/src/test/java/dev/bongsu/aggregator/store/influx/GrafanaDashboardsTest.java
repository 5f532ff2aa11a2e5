package dev.bongsu.aggregator.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.aggregator.AggregatorVerticle;
import dev.bongsu.aggregator.metrics.MetricsVerticle;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.Health;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.testkit.GrafanaDashboard;
import dev.bongsu.testkit.GrafanaMacros;
import dev.bongsu.testkit.InfluxProcess;
import dev.bongsu.testkit.PrometheusProcess;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs results through the real aggregator into a real influxd (and /metrics into a real Prometheus), then runs
 * every query of every Grafana dashboard — panels, template variables, annotations — with Grafana's variables and
 * macros filled in: each must parse and return data.
 */
class GrafanaDashboardsTest {
    static final Path DASHBOARDS = GrafanaDashboard.folder("");
    static final long NOW = System.currentTimeMillis();
    static final long START = (NOW - 22 * 60_000) / 60_000 * 60_000;

    @TempDir
    static Path tmp;
    static InfluxProcess influx;
    static PrometheusProcess prometheus;
    static Vertx vertx;
    static InfluxTimeSeriesStore store;
    static InfluxDB client;
    static int resultCount;

    @BeforeAll
    static void runThePipeline() throws Exception {
        influx = InfluxProcess.start(tmp);
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        store = new InfluxTimeSeriesStore(vertx, TestFleet.storage(tmp.resolve("data"), influx.url(), 1000, Duration.ofMillis(100), 50_000),
                TestFleet.services());
        store.start().await();
        vertx.deployVerticle(new AggregatorVerticle(store, Clock.systemUTC())).await();
        vertx.deployVerticle(new InfluxIncidentVerticle(store)).await();
        MetricsVerticle metrics = new MetricsVerticle(null);
        vertx.deployVerticle(metrics).await();
        Router router = Router.router(vertx);
        metrics.mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        prometheus = PrometheusProcess.start(tmp, "127.0.0.1:" + server.actualPort());
        client = InfluxDBFactory.connect(influx.url());

        List<ProbeResult> results = TestFleet.results(START, Duration.ofSeconds(10), 120);
        resultCount = results.size();
        Map<String, List<ProbeResult>> byVantage = results.stream().collect(Collectors.groupingBy(ProbeResult::vantage, LinkedHashMap::new, Collectors.toList()));
        byVantage.forEach((vantage, rs) -> {
            for (int i = 0; i < rs.size(); i += 500) {
                vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch(vantage, rs.subList(i, Math.min(rs.size(), i + 500))));
            }
        });
        publishIncidentsAndStates();

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                count("SELECT count(\"up\") FROM \"raw\".\"probe\"") == resultCount
                        && count("SELECT count(\"count\") FROM \"rollups\".\"rollup\"") >= 18L * 6 * 3
                        && count("SELECT count(\"sequence\") FROM \"rollups\".\"incident\"") == 3
                        && !prometheus.query("rate(bongsu_store_written_points_total[1m])").contains("\"result\":[]")
                        && !prometheus.query("rate(bongsu_results_ingested_total[1m])").contains("\"result\":[]"));
    }

    static void publishIncidentsAndStates() {
        Instant opened = Instant.ofEpochMilli(START + 11 * 60_000);
        Instant resolved = Instant.ofEpochMilli(START + 18 * 60_000);
        Hypothesis h = new Hypothesis("datacenter", "pangyo", new LocalizedText("판교 데이터센터", "all kakao services in pangyo are down"), List.of());
        Incident open = new Incident("inc-1", 1, IncidentKind.CORRELATED, IncidentState.OPEN, Severity.CRITICAL, List.of("kakaotalk", "kakaobank"),
                TestFleet.VANTAGES, opened, opened, null, new LocalizedText("카카오 장애", "kakao outage"), h, null, List.of());
        Incident done = new Incident("inc-1", 2, IncidentKind.CORRELATED, IncidentState.RESOLVED, Severity.CRITICAL, List.of("kakaotalk", "kakaobank"),
                TestFleet.VANTAGES, opened, resolved, resolved, new LocalizedText("카카오 장애", "kakao outage"), h, null, List.of());
        Incident second = new Incident("inc-2", 1, IncidentKind.SERVICE, IncidentState.OPEN, Severity.WARNING, List.of("kakaotalk"),
                List.of("seoul-kt"), resolved, resolved, null, new LocalizedText("카카오톡 느림", "kakaotalk slow"), null, null, List.of());
        var bus = vertx.eventBus();
        bus.publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.OPENED, open));
        bus.publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.RESOLVED, done));
        bus.publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.OPENED, second));
        for (var s : TestFleet.services()) {
            Health now = s.provider().equals("kakao") ? Health.DOWN : Health.UP;
            bus.publish(Addresses.SERVICE_STATES, new ServiceStateChange(new ServiceState(s.id(), Health.UNKNOWN, opened, null),
                    new ServiceState(s.id(), now, opened, null)));
        }
        // What each probe node publishes every few seconds.
        vertx.setPeriodic(0, 1000, id -> {
            for (String v : TestFleet.VANTAGES) {
                bus.publish(Addresses.PROBE_STATS, new JsonObject().put("vantage", v).put("node", v + "-1").put("checks", 6).put("inFlight", 2)
                        .put("probesTotal", 720 + id).put("skippedOverlap", 0).put("lagP50Ms", 0.8).put("lagP99Ms", 4.5).put("lagMaxMs", 9.0));
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (vertx != null) {
                // The aggregator writes its last rollups when undeployed; the store is closed after it, then Vert.x.
                for (String id : vertx.deploymentIDs()) {
                    vertx.undeploy(id).await();
                }
                store.close().await();
                vertx.close().await();
            }
        } finally {
            if (client != null) {
                client.close();
            }
            if (prometheus != null) {
                prometheus.close();
            }
            if (influx != null) {
                influx.close();
            }
        }
    }

    static long count(String q) {
        var rows = InfluxQueries.rows(client.query(new Query(q, "bongsu"), TimeUnit.MILLISECONDS));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(rows.get(0).containsKey("count") ? "count" : "")).longValue();
    }

    /** Every query of every dashboard: panels' targets, template variables, annotations. */
    static Stream<GrafanaDashboard.Query> queries() {
        return GrafanaDashboard.in(DASHBOARDS).stream().flatMap(d -> d.queries().stream());
    }

    static String language(GrafanaDashboard.Query q) {
        return switch (String.valueOf(q.datasource())) {
            case "bongsu-influx" -> "influxql";
            case "bongsu-prometheus" -> "promql";
            default -> throw new AssertionError(q + ": unknown data source " + q.datasource());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void everyDashboardQueryRunsAndReturnsData(GrafanaDashboard.Query q) throws Exception {
        assertThat(q.text()).as(q + " has a query").isNotBlank();
        Map<String, List<String>> variables = variableValues(q.dashboard());
        if (language(q).equals("influxql")) {
            String influxQl = GrafanaMacros.influx(q.text(), variables, singleValued(q.dashboard()), START, NOW);
            QueryResult r = client.query(new Query(influxQl, "bongsu"), TimeUnit.MILLISECONDS);
            assertThat(InfluxQueries.errorOf(r)).as(q + ": " + influxQl).isNull();
            assertThat(InfluxQueries.rows(r)).as(q + " returns data: " + influxQl).isNotEmpty();
        } else {
            String promql = GrafanaMacros.prometheus(q.text(), variables, singleValued(q.dashboard()));
            String answer = prometheus.query(promql);
            assertThat(answer).as(q + ": " + promql).contains("\"status\":\"success\"");
            assertThat(new JsonObject(answer).getJsonObject("data").getJsonArray("result")).as(q + " returns data: " + promql).isNotEmpty();
        }
    }

    /** The values of each template variable, found by running its query as Grafana does, in order. */
    static Map<String, List<String>> variableValues(String dashboard) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonObject v : GrafanaDashboard.read(DASHBOARDS.resolve(dashboard)).variables()) {
            String q = GrafanaMacros.influx(v.getString("query"), values, singleValued(dashboard), START, NOW);
            List<String> found = InfluxQueries.rows(client.query(new Query(q, "bongsu"))).stream().map(r -> (String) r.get("value")).sorted().toList();
            values.put(v.getString("name"), found);
        }
        return values;
    }

    static List<String> singleValued(String dashboard) {
        return GrafanaDashboard.read(DASHBOARDS.resolve(dashboard)).singleValued();
    }

    @Test
    void dashboardsOfferTheNocTheDrillDownAndTheFleetWithProviderServiceAndVantageVariables() {
        Map<String, List<String>> variables = new LinkedHashMap<>();
        for (GrafanaDashboard d : GrafanaDashboard.in(DASHBOARDS)) {
            variables.put(d.json().getString("uid"), d.variables().stream().map(v -> v.getString("name")).toList());
            assertThat(d.panels()).as(d.name() + " panels").isNotEmpty();
        }
        assertThat(variables).containsEntry("bongsu-noc", List.of("provider", "service", "vantage"))
                .containsEntry("bongsu-service", List.of("provider", "service", "vantage"))
                .containsEntry("bongsu-fleet", List.of("vantage"));
        assertThat(queries()).hasSizeGreaterThan(40);
    }
}
