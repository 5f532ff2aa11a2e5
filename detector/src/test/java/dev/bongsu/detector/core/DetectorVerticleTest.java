package dev.bongsu.detector.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.detector.incident.IncidentStore;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorVerticleTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String KAKAOTALK = """
              - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, datacenter: pangyo,
                 checks: [{type: tcp, host: 127.0.0.1, port: 9}]}
            """;
    private static final String TOSSBANK = """
              - {id: tossbank, name: Toss Bank, provider: toss, category: bank, datacenter: gasan,
                 checks: [{type: tcp, host: 127.0.0.1, port: 9}]}
            """;
    private static final String CONFIG = """
            vantages: [seoul, busan, daejeon]
            defaults: {interval: 10s, timeout: 2s}
            services:
            """ + KAKAOTALK + """
              - {id: kakaobank, name: KakaoBank, provider: kakao, category: bank, datacenter: pangyo,
                 checks: [{type: tcp, host: 127.0.0.1, port: 9}]}
              - {id: navermap, name: Naver Map, provider: naver, category: map, datacenter: chuncheon,
                 checks: [{type: tcp, host: 127.0.0.1, port: 9}]}
            """;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    private final List<IncidentTransition> incidents = new CopyOnWriteArrayList<>();
    private final List<Boolean> storedBeforePublished = new CopyOnWriteArrayList<>();
    private final List<ServiceStateChange> states = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private IncidentStore store;
    private BongsuConfig config;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        config = new ConfigLoader(Map.of()).parse("test.yaml", CONFIG);
        store = IncidentStore.open(vertx, dir).await();
        vertx.eventBus().<IncidentTransition>consumer(Addresses.INCIDENTS, m -> {
            Incident i = m.body().incident();
            store.incident(i.id()).onSuccess(stored -> {
                storedBeforePublished.add(stored.isPresent() && stored.get().sequence() >= i.sequence());
                incidents.add(m.body());
            });
        }).completion().await();
        vertx.eventBus().<ServiceStateChange>consumer(Addresses.SERVICE_STATES, m -> states.add(m.body())).completion().await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        store.close();
    }

    /** One probe round from every vantage, in one batch (as a probe node replaying a buffer would send it). */
    private void round(int i, boolean kakaotalkFails) {
        Instant at = T0.plusSeconds(10L * i);
        clock.set(at.plusMillis(100));
        List<ProbeResult> results = config.vantageNames().stream().flatMap(v -> config.checks().stream()
                .map(c -> kakaotalkFails && c.serviceId().equals("kakaotalk") ? Fleet.fail(c.id(), v, at) : Fleet.ok(c.id(), v, at, 20)))
                .toList();
        vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch("all", results));
    }

    private Health health(DetectorVerticle d, String service) {
        return d.serviceStates().stream().filter(s -> s.serviceId().equals(service)).findFirst().map(ServiceState::health).orElseThrow();
    }

    @Test
    void persistsThenPublishesAndSurvivesARestartWithoutReopening() {
        DetectorVerticle first = new DetectorVerticle(config, store, clock);
        vertx.deployVerticle(first).await();
        assertThat(first.serviceStates()).extracting(ServiceState::serviceId).containsExactly("kakaotalk", "kakaobank", "navermap");

        for (int i = 0; i < 3; i++) {
            round(i, false);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(health(first, "navermap")).isEqualTo(Health.UP));
        for (int i = 3; i <= 6; i++) {
            round(i, true); // failing alone: confirmed after 30 s (3 intervals)
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(incidents).hasSize(1));
        IncidentTransition opened = incidents.get(0);
        assertThat(opened.type()).isEqualTo(TransitionType.OPENED);
        assertThat(opened.incident().kind()).isEqualTo(IncidentKind.SERVICE);
        assertThat(opened.incident().services()).containsExactly("kakaotalk");
        assertThat(storedBeforePublished).containsOnly(true);
        assertThat(first.openIncidents()).extracting(Incident::id).containsExactly(opened.incident().id());
        assertThat(health(first, "kakaotalk")).isEqualTo(Health.DOWN);
        assertThat(states).anySatisfy(c -> {
            assertThat(c.current().serviceId()).isEqualTo("kakaotalk");
            assertThat(c.current().health()).isEqualTo(Health.DOWN);
        });

        vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();
        DetectorVerticle second = new DetectorVerticle(config, store, clock);
        vertx.deployVerticle(second).await();
        assertThat(second.openIncidents()).extracting(Incident::id).containsExactly(opened.incident().id());

        round(7, true);
        round(8, false);
        round(9, false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(incidents).hasSize(2));
        IncidentTransition resolved = incidents.get(1);
        assertThat(resolved.type()).isEqualTo(TransitionType.RESOLVED);
        assertThat(resolved.incident().id()).isEqualTo(opened.incident().id());
        assertThat(resolved.incident().sequence()).isEqualTo(2);
        assertThat(storedBeforePublished).containsOnly(true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second.openIncidents()).isEmpty());
    }

    @Test
    void aReloadKeepsTheOpenIncidentAndItsIdAndARemovedServiceResolvesIt() {
        DetectorVerticle detector = new DetectorVerticle(config, store, clock);
        vertx.deployVerticle(detector).await();
        for (int i = 0; i < 3; i++) {
            round(i, false);
        }
        for (int i = 3; i <= 6; i++) {
            round(i, true);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(incidents).hasSize(1));
        String id = incidents.get(0).incident().id();

        config = new ConfigLoader(Map.of()).parse("test.yaml", CONFIG + TOSSBANK);
        detector.reconfigure(config).await();

        assertThat(detector.serviceStates()).extracting(ServiceState::serviceId)
                .containsExactly("kakaotalk", "kakaobank", "navermap", "tossbank");
        assertThat(health(detector, "tossbank")).isEqualTo(Health.UNKNOWN);
        assertThat(detector.openIncidents()).extracting(Incident::id).containsExactly(id);
        round(7, true);
        round(8, true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(health(detector, "tossbank")).isEqualTo(Health.UP));
        assertThat(incidents).as("the incident goes on, not opened again").hasSize(1);

        config = new ConfigLoader(Map.of()).parse("test.yaml", CONFIG.replace(KAKAOTALK, ""));
        detector.reconfigure(config).await();

        // readers see the new configuration as soon as the reload completes; the bus delivers to listeners after it
        assertThat(detector.openIncidents()).isEmpty();
        assertThat(detector.serviceStates()).extracting(ServiceState::serviceId).containsExactly("kakaobank", "navermap");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(incidents).hasSize(2));
        IncidentTransition resolved = incidents.get(1);
        assertThat(resolved.type()).isEqualTo(TransitionType.RESOLVED);
        assertThat(resolved.incident().id()).isEqualTo(id);
        assertThat(resolved.incident().timeline().get(resolved.incident().timeline().size() - 1).text().en())
                .isEqualTo("kakaotalk was removed from the configuration; the incident is resolved.");
        assertThat(storedBeforePublished).containsOnly(true);
        assertThat(detector.vantageHealth()).extracting(v -> v.serviceId()).doesNotContain("kakaotalk");
    }

    @Test
    void ticksWithTheClockSoThatSilenceMakesServicesUnknown() {
        DetectorVerticle detector = new DetectorVerticle(config, store, clock);
        vertx.deployVerticle(detector).await();
        round(0, false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(health(detector, "kakaotalk")).isEqualTo(Health.UP));
        clock.set(T0.plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(detector.serviceStates()).extracting(ServiceState::health).containsOnly(Health.UNKNOWN));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(states).filteredOn(c -> c.current().health() == Health.UNKNOWN).hasSize(3));
    }
}
