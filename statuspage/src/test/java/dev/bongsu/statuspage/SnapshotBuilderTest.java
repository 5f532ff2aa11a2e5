package dev.bongsu.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background rebuilds: history refreshes re-read only what can still change. */
class SnapshotBuilderTest {
    @TempDir
    Path dir;

    @Test
    void laterHistoryRefreshesReadOnlyTodayAndTheNewestBuckets() {
        try (SiteFixture f = new SiteFixture(dir, new SiteSettings(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(30)))) {
            int services = Fixtures.ALL.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> f.history.log.size() >= 4 * services);
            List<String> log = List.copyOf(f.history.log);
            List<String> first = log.subList(0, 2 * services);
            List<String> later = log.subList(2 * services, 4 * services);
            Instant todayStart = LocalDate.now(ZoneId.of("Asia/Seoul")).atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant();
            assertThat(first.stream().filter(l -> l.endsWith("PT24H"))).hasSize(services)
                    .allSatisfy(l -> assertThat(Instant.parse(l.split(" ")[1])).isBefore(todayStart.minus(Duration.ofDays(88))));
            assertThat(later.stream().filter(l -> l.endsWith("PT24H"))).hasSize(services)
                    .allSatisfy(l -> assertThat(Instant.parse(l.split(" ")[1])).isEqualTo(todayStart));
            assertThat(later.stream().filter(l -> l.endsWith("PT5M"))).hasSize(services).allSatisfy(l ->
                    assertThat(Duration.between(Instant.parse(l.split(" ")[1]), Instant.parse(l.split(" ")[2]))).isLessThan(Duration.ofHours(1)));
        }
    }
}
