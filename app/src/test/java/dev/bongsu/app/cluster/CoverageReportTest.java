package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.app.cluster.CoverageReport.NodeShare;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
    private static final List<String> CHECKS = List.of("a.web", "b.web", "c.tcp");

    @Test
    void exactlyOnceWhenTheNodesOfEachVantageSplitEveryCheck() {
        CoverageReport r = CoverageReport.of(List.of("seoul", "busan"), CHECKS, List.of(
                new NodeShare("n1", "seoul", List.of("a.web", "c.tcp")),
                new NodeShare("n2", "seoul", List.of("b.web")),
                new NodeShare("n3", "busan", CHECKS)));

        assertThat(r.exactlyOnce()).isTrue();
        assertThat(r.vantages().keySet()).containsExactly("seoul", "busan");
        assertThat(r.vantages().get("seoul").nodes()).containsOnlyKeys("n1", "n2");
    }

    @Test
    void missingAndDuplicatedChecksAreNamed() {
        CoverageReport r = CoverageReport.of(List.of("seoul", "busan"), CHECKS, List.of(
                new NodeShare("n1", "seoul", List.of("a.web", "b.web")),
                new NodeShare("n2", "seoul", List.of("b.web"))));

        assertThat(r.exactlyOnce()).isFalse();
        assertThat(r.vantages().get("seoul").missing()).containsExactly("c.tcp");
        assertThat(r.vantages().get("seoul").duplicated()).containsExactly("b.web");
        assertThat(r.vantages().get("busan").missing()).isEqualTo(CHECKS);
        assertThat(r.vantages().get("busan").nodes()).isEmpty();
    }
}
