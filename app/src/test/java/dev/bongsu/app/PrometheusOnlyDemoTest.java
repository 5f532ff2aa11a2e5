package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.SeriesBudget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.Scenarios;
import dev.bongsu.testkit.GrafanaDashboard;
import dev.bongsu.testkit.PrometheusDashboardQueries;
import dev.bongsu.testkit.PrometheusProcess;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Prometheus-only Grafana dashboards over the real demo: {@code bongsu demo}'s system (simulated fleet, probes
 * from three vantages, the default SQLite store, {@code /metrics} on a listener of its own) scraped every second by
 * a real Prometheus; every panel and template-variable query, with Grafana's macros and variables filled in, must
 * return data, and the per-service up and latency panels must show every demo service.
 */
class PrometheusOnlyDemoTest {
    static final Path DASHBOARDS = GrafanaDashboard.folder("prometheus-only");
    static final Duration DEADLINE = Duration.ofSeconds(45);
    /** The one panel with nothing to show for the demo: its simulated services are checked over plain http only. */
    static final String CERTIFICATES = "Certificate days left";
    /** A fault in force for the whole test, so the failure panels have something to show, as they would during an outage. */
    static final String NAVERPAY_FAILS = """
            name: naverpay-fails
            description: naverpay answers 503 from every vantage until the demo stops
            steps:
              - at: 0s
                target: {services: [naverpay]}
                fault: error
            """;

    @TempDir
    static Path tmp;
    static Vertx vertx;
    static DemoSystem demo;
    static PrometheusProcess prometheus;
    static PrometheusDashboardQueries dashboards;
    static List<String> demoServices;

    @BeforeAll
    static void runTheDemoScrapedByPrometheus() throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        DemoSystem.Options options = new DemoSystem.Options(0, Duration.ofSeconds(1), Duration.ofMillis(500), tmp.resolve("data"),
                List.of(), null, null, 0);
        demo = DemoSystem.start(vertx, options, Clock.systemUTC()).await();
        demoServices = demo.config().services().stream().map(ServiceConfig::id).toList();
        prometheus = PrometheusProcess.start(tmp, "127.0.0.1:" + demo.metricsPort());
        dashboards = new PrometheusDashboardQueries(prometheus);
        demo.play(Scenarios.parse("naverpay-fails.yaml", NAVERPAY_FAILS, Fleet.defaultFleet()), report -> { });

        int pairs = demo.config().checks().size() * demo.config().vantageNames().size();
        await("Prometheus has scraped every check from every vantage, and failures").atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(prometheus.result("bongsu_check_up")).hasSize(pairs);
                    assertThat(prometheus.result("rate(bongsu_probes_total{outcome=\"failure\"}[1m])")).isNotEmpty();
                    assertThat(prometheus.result("rate(bongsu_results_ingested_total[1m])")).hasSize(demo.config().vantageNames().size());
                });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (demo != null) {
                demo.close().await();
            }
            if (vertx != null) {
                vertx.close().await();
            }
        } finally {
            if (prometheus != null) {
                prometheus.close();
            }
        }
    }

    static Stream<GrafanaDashboard.Query> queries() {
        return GrafanaDashboard.in(DASHBOARDS).stream().flatMap(d -> d.queries().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void everyDashboardQueryReturnsDataForTheDemo(GrafanaDashboard.Query q) throws Exception {
        GrafanaDashboard d = GrafanaDashboard.read(DASHBOARDS.resolve(q.dashboard()));
        if (q.where().startsWith("panel '" + CERTIFICATES + "'") && demo.config().checks().stream().noneMatch(SeriesBudget::hasCertificate)) {
            // Runs, finds no series, and the panel says why instead of "No data"; PrometheusOnlyDashboardsTest (aggregator) shows it with data.
            assertThat(dashboards.run(d, q.text())).as(q.toString()).isEmpty();
            assertThat(d.panels()).filteredOn(p -> p.getString("title").equals(CERTIFICATES))
                    .singleElement().satisfies(p -> assertThat(p.getJsonObject("fieldConfig").getJsonObject("defaults").getString("noValue"))
                            .as(CERTIFICATES + " noValue").isNotBlank());
            return;
        }
        await(q.toString()).atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String promql = PrometheusDashboardQueries.promql(q.text(), dashboards.variableValues(d), d.singleValued());
            assertThat(prometheus.result(promql)).as(q + " returns data: " + promql).isNotEmpty();
        });
    }

    @Test
    void theServicesDashboardShowsUpAndLatencyForEveryDemoService() throws Exception {
        GrafanaDashboard d = GrafanaDashboard.read(DASHBOARDS.resolve("services.json"));
        assertThat(dashboards.variableValues(d).get("service")).as("the service variable").containsExactlyInAnyOrderElementsOf(demoServices);
        for (String title : List.of("Checks passing now, per service", "Latency per service (slowest check and vantage)",
                "Availability over the time range, per service", "Service state")) {
            JsonArray series = dashboards.run(d, d.panelQuery(title));
            assertThat(PrometheusDashboardQueries.labelValues(series, "service")).as(title).containsExactlyInAnyOrderElementsOf(demoServices);
        }
        int pairs = demo.config().checks().size() * demo.config().vantageNames().size();
        assertThat(dashboards.run(d, d.panelQuery("Up per check and vantage"))).as("Up per check and vantage").hasSize(pairs);
        assertThat(dashboards.run(d, d.panelQuery("Latency per check and vantage"))).as("Latency per check and vantage").hasSize(pairs);
    }
}
