package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes every public and admin route of a running {@code bongsu run} (a child JVM watching a simulated fleet with a
 * correlated outage on a private datacenter, a hidden probe-fault incident, silences and a human update) with
 * malformed methods, paths, queries, headers, versions, bodies and tokens over raw sockets, and asserts no 5xx, no
 * stack trace and at most one log line per request, and no private attribute value in any public answer.
 *
 * <p>The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 12_2026L);
    private static final int WORKERS = 4;
    private static final int TIMEOUT_MS = 2_000;

    private FuzzSystem system;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        system = FuzzSystem.start(dir);
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void fuzzedRequestsGetNo5xxNoStackTraceAndNoPrivateValue() {
        List<FuzzRequest> requests = new ArrayList<>();
        FuzzCases cases = new FuzzCases(SEED);
        for (FuzzRoutes.Route route : FuzzRoutes.all()) {
            requests.addAll(cases.forRoute(route, route.samples().apply(system)));
        }
        int logBefore = system.log().length();
        FuzzRun run = FuzzRun.run(new FuzzClient(system.port(), TIMEOUT_MS), requests, WORKERS);
        String window = system.log().substring(logBefore);

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            FuzzRequest r = requests.get(i);
            FuzzClient.Answer a = run.answers().get(i);
            if (a.status() >= 500 && !(a.status() == 505 && r.oddVersion())) {
                failures.add(a.status() + " " + r.describe());
            }
            if (!(r.admin() && isAdmin(r.route()))) {
                for (String value : FuzzSystem.PRIVATE_VALUES) {
                    if (a.text().contains(value)) {
                        failures.add("private value '" + value + "' in the answer (" + a.status() + ") to " + r.describe());
                    }
                }
            }
        }
        FuzzLog log = FuzzLog.of(window);
        System.out.println(run.summary(SEED, requests) + "\n" + log.summary(requests.size()));
        if (!log.stackTraces().isEmpty()) {
            failures.add("stack traces in the server log while fuzzing:\n" + String.join("\n", log.stackTraces()));
        }
        if (log.requestLines() > requests.size()) {
            failures.add(log.requestLines() + " log lines for " + requests.size() + " requests (at most one each), e.g.:\n"
                    + String.join("\n", log.sample().subList(0, Math.min(20, log.sample().size()))));
        }
        assertThat(requests.stream().filter(r -> r.admin() && r.route().equals("/api/v1/admin/silences") && r.category().equals("baseline"))
                .map(r -> run.answers().get(requests.indexOf(r)).body()).toList())
                .as("the sweep is not vacuous: admin answers do show private values").anyMatch(b -> b.contains(FuzzSystem.BURNING_DC));
        assertThat(failures).as("%d failures over %d fuzzed requests (seed %d); each line is the status and the raw request",
                failures.size(), requests.size(), SEED).isEmpty();
    }

    @Test
    void everyAdminRouteRefusesEveryMethodWithoutAValidToken() {
        List<FuzzRequest> requests = new ArrayList<>();
        for (FuzzRoutes.Route route : FuzzRoutes.all()) {
            if (!route.admin()) {
                continue;
            }
            for (String path : route.samples().apply(system)) {
                for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")) {
                    for (List<String> auth : List.of(List.<String>of(), List.of("Authorization: Bearer wrong-token-0123456789"),
                            List.of("Authorization: Bearer "), List.of("Authorization: Basic Zm9vOmJhcg=="))) {
                        List<String> headers = new ArrayList<>(auth);
                        headers.add("Content-Type: application/json");
                        requests.add(new FuzzRequest(route.path(), "no valid token", method, path, "HTTP/1.1", headers,
                                route.body() == null ? new byte[0] : route.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
                    }
                }
            }
        }
        FuzzRun run = FuzzRun.run(new FuzzClient(system.port(), TIMEOUT_MS), requests, WORKERS);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            FuzzClient.Answer a = run.answers().get(i);
            if (a.status() != 401) {
                wrong.add(a.status() + " " + requests.get(i).describe());
            } else if (FuzzSystem.PRIVATE_VALUES.stream().anyMatch(a.text()::contains)) {
                wrong.add("private value in the 401 to " + requests.get(i).describe());
            }
        }
        assertThat(wrong).as("admin requests without a valid token must be answered 401 (%d sent)", requests.size()).isEmpty();
    }

    private static boolean isAdmin(String route) {
        return FuzzRoutes.all().stream().anyMatch(r -> r.path().equals(route) && r.admin());
    }
}
