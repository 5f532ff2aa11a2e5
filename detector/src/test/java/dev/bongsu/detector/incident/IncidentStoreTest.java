package dev.bongsu.detector.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.detector.core.Detector;
import dev.bongsu.detector.core.DetectorOutput;
import dev.bongsu.detector.core.IncidentIds;
import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentStoreTest {
    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private IncidentStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        vertx.close().await();
    }

    static Incident incident(String id, int sequence, IncidentState state, Instant started, Instant resolved) {
        Hypothesis h = new Hypothesis("provider", "kakao", new LocalizedText("제공자 측 장애", "provider-side failure"),
                List.of(new Evidence("provider", "kakao", 4, 4), new Evidence("datacenter", "pangyo", 4, 6)));
        List<TimelineEntry> timeline = new java.util.ArrayList<>();
        for (int s = 1; s <= sequence; s++) {
            timeline.add(new TimelineEntry(s, started.plusSeconds(s), s == 1 ? TransitionType.OPENED : TransitionType.UPDATED,
                    new LocalizedText("단계 " + s, "step " + s), List.of("kakaotalk")));
        }
        return new Incident(id, sequence, IncidentKind.CORRELATED, state, Severity.CRITICAL, List.of("kakaotalk", "kakaobank"),
                List.of("seoul", "busan"), started, started.plusSeconds(sequence), resolved,
                new LocalizedText("연관 장애", "Correlated outage"), h, null, timeline);
    }

    private static IncidentTransition transition(Incident i) {
        TransitionType type = i.state() == IncidentState.RESOLVED ? TransitionType.RESOLVED
                : i.sequence() == 1 ? TransitionType.OPENED : TransitionType.UPDATED;
        return new IncidentTransition(type, i);
    }

    @Test
    void writesAndReadsBackIncidentsByStateAndTimeRange() {
        store = IncidentStore.open(vertx, dir).await();
        Incident a = incident("a", 1, IncidentState.OPEN, T, null);
        Incident b = incident("b", 3, IncidentState.RESOLVED, T.minus(Duration.ofHours(5)), T.minus(Duration.ofHours(4)));
        Incident c = incident("c", 2, IncidentState.RESOLVED, T.minus(Duration.ofHours(2)), T.minus(Duration.ofHours(1)));
        store.write(List.of(transition(a), transition(b), transition(c))).await();

        assertThat(store.incident("a").await()).contains(a);
        assertThat(store.incident("zz").await()).isEmpty();
        assertThat(store.incidents(IncidentQuery.open()).await()).containsExactly(a);
        assertThat(store.incidents(new IncidentQuery(IncidentState.RESOLVED, null, null, 10)).await()).containsExactly(c, b);
        assertThat(store.incidents(IncidentQuery.all(10)).await()).extracting(Incident::id).containsExactly("a", "c", "b");
        assertThat(store.incidents(IncidentQuery.all(2)).await()).extracting(Incident::id).containsExactly("a", "c");
        // Overlapping [from, to): c ran from -2h to -1h, b from -5h to -4h, a is open since T.
        assertThat(store.incidents(new IncidentQuery(null, T.minus(Duration.ofMinutes(90)), T, 10)).await())
                .extracting(Incident::id).containsExactly("c");
        assertThat(store.incidents(new IncidentQuery(null, T.minus(Duration.ofMinutes(30)), null, 10)).await())
                .extracting(Incident::id).containsExactly("a");
        assertThat(store.incidents(new IncidentQuery(IncidentState.RESOLVED, null, T.minus(Duration.ofHours(3)), 10)).await())
                .extracting(Incident::id).containsExactly("b");
    }

    @Test
    void keepsTheLatestSequenceAndEveryTransition() {
        store = IncidentStore.open(vertx, dir).await();
        Incident v1 = incident("x", 1, IncidentState.OPEN, T, null);
        Incident v2 = incident("x", 2, IncidentState.OPEN, T, null);
        Incident v3 = incident("x", 3, IncidentState.RESOLVED, T, T.plusSeconds(60));
        store.write(List.of(transition(v1), transition(v2))).await();
        store.write(List.of(transition(v3))).await();
        store.write(List.of(transition(v2))).await();

        assertThat(store.incident("x").await()).contains(v3);
        assertThat(store.history("x").await()).containsExactly(v1, v2, v3);
        assertThat(store.incidents(IncidentQuery.open()).await()).isEmpty();
    }

    @Test
    void openIncidentsSurviveAReopenOfTheStoreAndContinueInTheDetector() {
        var fleet = dev.bongsu.detector.core.DetectorFixtures.fleet();
        Detector first = new Detector(fleet, List.of("seoul", "busan", "daejeon"),
                dev.bongsu.model.config.DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)));
        store = IncidentStore.open(vertx, dir).await();
        // A service failing alone is paged once it has failed for its confirmation time (3 intervals).
        for (int i = 0; i < 7; i++) {
            DetectorOutput out = first.onResults(dev.bongsu.detector.core.DetectorFixtures.round(i, i >= 3), T.plusSeconds(10L * i + 1));
            store.write(out.transitions()).await();
        }
        Incident open = store.incidents(IncidentQuery.open()).await().get(0);
        store.close();

        store = IncidentStore.open(vertx, dir).await();
        List<Incident> restored = store.incidents(IncidentQuery.open()).await();
        assertThat(restored).containsExactly(open);
        Detector second = new Detector(fleet, List.of("seoul", "busan", "daejeon"),
                dev.bongsu.model.config.DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)));
        second.restore(restored);
        assertThat(second.onResults(dev.bongsu.detector.core.DetectorFixtures.round(7, true), T.plusSeconds(71)).transitions()).isEmpty();
        second.onResults(dev.bongsu.detector.core.DetectorFixtures.round(8, false), T.plusSeconds(81));
        DetectorOutput out = second.onResults(dev.bongsu.detector.core.DetectorFixtures.round(9, false), T.plusSeconds(91));
        assertThat(out.transitions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.RESOLVED);
            assertThat(t.incident().id()).isEqualTo(open.id());
            assertThat(t.incident().sequence()).isEqualTo(open.sequence() + 1);
        });
    }

    @Test
    void anIncidentWrittenBeforeKillDashNineIsStillOpenAfterwards() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StoreWriterMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals(StoreWriterMain.WRITTEN)) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: " + seen).isEqualTo(StoreWriterMain.WRITTEN);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        store = IncidentStore.open(vertx, dir).await();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(store.incidents(IncidentQuery.open()).await()).extracting(Incident::id).containsExactly("killed"));
        Incident i = store.incident("killed").await().orElseThrow();
        assertThat(i.sequence()).isEqualTo(2);
        assertThat(i.timeline()).hasSize(2);
    }
}
