package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route the main code registers is in {@link FuzzRoutes}, so {@link RouteFuzzTest} fuzzes it. */
class RouteFuzzListTest {
    @Test
    void everyRouteTheCodeRegistersIsInTheFuzzList() {
        List<FuzzRouteScan.Registration> found = FuzzRouteScan.scan(FuzzRouteScan.repositoryRoot());
        assertThat(found).as("route registrations found in the main code").hasSizeGreaterThan(20);
        List<String> missing = found.stream().filter(r -> !FuzzRouteScan.covered(r, FuzzRoutes.all()))
                .map(r -> r.where() + ": " + r.source() + " " + r.methods()).toList();
        assertThat(missing).as("routes registered in the code but missing from FuzzRoutes.all(); add them so that they are fuzzed")
                .isEmpty();
    }

    @Test
    void theScanResolvesConstantsAndSeesANewRoute() {
        String source = """
                private static final String BASE = "/api/v1/admin";
                void mount(Router router) {
                    router.get(BASE + "/silences").handler(this::x);
                    router.put(BASE + "/widgets/:id").handler(this::y);
                }
                """;
        List<FuzzRouteScan.Registration> found = FuzzRouteScan.scanFile("X.java", source);
        assertThat(found).hasSize(2);
        assertThat(FuzzRouteScan.covered(found.get(0), FuzzRoutes.all())).isTrue();
        assertThat(FuzzRouteScan.covered(found.get(1), FuzzRoutes.all())).as("a route not in the list").isFalse();
    }
}
