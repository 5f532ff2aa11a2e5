package dev.bongsu.simulator;

import dev.bongsu.model.scenario.Target;
import dev.bongsu.model.scenario.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private Vertx vertx;
    private RunningFleet fleet;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        fleet = Await.result(new Simulator(vertx, Fleet.defaultFleet(), SimulatorOptions.defaults()).start());
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    private int port(String id) {
        return fleet.service(id).port();
    }

    @Test
    void everyServiceAnswersHealthWithItsOwnPort() throws IOException {
        List<ServiceAddress> services = fleet.services();

        assertThat(services).hasSize(8);
        assertThat(services).extracting(ServiceAddress::port).doesNotHaveDuplicates().allMatch(p -> p > 0);
        for (ServiceAddress a : services) {
            Http.Answer answer = Http.get(a.port(), "/health", Duration.ofSeconds(5));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"ok\",\"service\":\"" + a.id() + "\"}");
        }
        assertThat(Http.get(port("kakaotalk"), "/other", Duration.ofSeconds(5)).status()).isEqualTo(404);
    }

    @Test
    void refuseClosesThePortAndClearingReopensTheSamePort() throws IOException {
        int port = port("kakaotalk");

        Await.result(fleet.inject(Target.services("kakaotalk"), Fault.REFUSE));
        assertThat(Http.refused(port)).isTrue();
        assertThatThrownBy(() -> Http.health(port)).isInstanceOf(ConnectException.class);
        assertThat(fleet.faults()).isEqualTo(Map.of("kakaotalk", Fault.REFUSE));
        assertThat(Http.health(port("kakaobank"))).isEqualTo(200);

        List<String> cleared = Await.result(fleet.clear(Target.services("kakaotalk")));

        assertThat(cleared).containsExactly("kakaotalk");
        assertThat(fleet.service("kakaotalk").port()).isEqualTo(port);
        assertThat(Http.health(port)).isEqualTo(200);
        assertThat(fleet.faults()).isEmpty();
    }

    @Test
    void hangAcceptsButNeverAnswersUntilCleared() throws IOException {
        int port = port("kakaopay");
        Await.result(fleet.inject(Target.services("kakaopay"), Fault.HANG));

        assertThat(Http.refused(port)).isFalse();
        assertThatThrownBy(() -> Http.get(port, "/health", Duration.ofMillis(700)))
                .isInstanceOf(SocketTimeoutException.class);

        Await.result(fleet.clear(Target.services("kakaopay")));
        assertThat(Http.health(port)).isEqualTo(200);
    }

    @Test
    void serverErrorAnswersTheGivenStatus() throws IOException {
        Await.result(fleet.inject(Target.services("naverpay"), new Fault.ServerError(502)));

        Http.Answer answer = Http.get(port("naverpay"), "/health", Duration.ofSeconds(5));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"status\":\"error\",\"service\":\"naverpay\"}");
    }

    @Test
    void slowAnswersNoSoonerThanTheAddedDelay() throws IOException {
        Await.result(fleet.inject(Target.services("kakaomap"), new Fault.Slow(Duration.ofMillis(400))));

        long t0 = System.nanoTime();
        int status = Http.health(port("kakaomap"));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(status).isEqualTo(200);
        // A lower bound only: the server's timer cannot fire before the delay.
        assertThat(tookMs).isGreaterThanOrEqualTo(400);
    }

    @Test
    void flapAlternatesDownAndUp() throws IOException {
        int port = port("line");
        Await.result(fleet.inject(Target.services("line"), new Fault.Flap(Duration.ofMillis(300), new Fault.ServerError(503)))
                );

        List<Integer> seen = new ArrayList<>();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> {
            int s = Http.health(port);
            if (seen.isEmpty() || seen.get(seen.size() - 1) != s) {
                seen.add(s);
            }
            return seen.size() >= 4;
        });
        assertThat(seen.subList(0, 4)).containsExactly(503, 200, 503, 200);

        Await.result(fleet.clear(Target.services("line")));
        assertThat(Http.health(port)).isEqualTo(200);
    }

    @Test
    void flapCanRefuseWhileDown() {
        int port = port("navermap");
        Await.result(fleet.inject(Target.services("navermap"), new Fault.Flap(Duration.ofMillis(300), Fault.REFUSE))
                );

        assertThat(Http.refused(port)).isTrue();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> !Http.refused(port));
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> Http.refused(port));
    }

    @Test
    void datacenterAndProviderTargetOnlyThatProvidersServicesThere() throws IOException {
        List<String> hit = Await.result(fleet.inject(Target.datacenter("pangyo", "kakao"), Fault.REFUSE));

        assertThat(hit).containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        for (String id : hit) {
            assertThat(Http.refused(port(id))).as(id).isTrue();
        }
        for (String id : List.of("line", "navermap", "naverbank", "naverpay")) {
            assertThat(Http.health(port(id))).as(id).isEqualTo(200);
        }
    }

    @Test
    void datacenterTargetHitsBothProviders() throws IOException {
        List<String> hit = Await.result(fleet.inject(Target.datacenter("pangyo"), new Fault.ServerError(503)));

        assertThat(hit).containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "line", "navermap");
        assertThat(Http.health(port("navermap"))).isEqualTo(503);
        assertThat(Http.health(port("naverbank"))).isEqualTo(200);
    }

    @Test
    void dependentsOfTheSharedLoginFailTogether() throws IOException {
        List<String> hit = Await.result(fleet.inject(Target.dependents(Fleet.KAKAO_ACCOUNT), new Fault.ServerError(503))
                );

        assertThat(hit).containsExactly("kakaobank", "kakaopay");
        assertThat(Http.health(port("kakaotalk"))).isEqualTo(200);
    }

    @Test
    void clearingAnEarlierFaultLeavesALaterOneInForce() throws IOException {
        Target talk = Target.services("kakaotalk");
        Await.result(fleet.inject(talk, new Fault.ServerError(500)));
        Await.result(fleet.inject(talk, new Fault.ServerError(503)));

        List<String> cleared = Await.result(fleet.clear(talk, new Fault.ServerError(500)));

        assertThat(cleared).isEmpty();
        assertThat(Http.health(port("kakaotalk"))).isEqualTo(503);
    }

    @Test
    void aTargetMatchingNothingChangesNothing() {
        List<String> hit = Await.result(fleet.inject(Target.datacenter("gasan"), Fault.REFUSE));

        assertThat(hit).isEmpty();
        assertThat(fleet.faults()).isEmpty();
    }

    @Test
    void stopClosesEveryPort() {
        List<Integer> ports = fleet.services().stream().map(ServiceAddress::port).toList();

        Await.result(fleet.stop());

        assertThat(ports).allMatch(Http::refused);
    }

    @Test
    void aPortInUseFailsWithOneClearLineAndStopsTheRest() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int busy = taken.getLocalPort();
            SimulatorOptions options = SimulatorOptions.defaults().withBasePort(busy);

            assertThatThrownBy(() -> Await.result(new Simulator(vertx, Fleet.defaultFleet(), options).start()))
                    .isInstanceOf(SimulatorStartException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + busy + " for kakaotalk: address already in use");
            // The services that had started are stopped again.
            assertThat(Http.refused(busy + 1)).isTrue();
        }
    }

    @Test
    void basePortGivesPredictableAddresses() throws IOException {
        int base;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            base = free.getLocalPort();
        }
        Await.result(fleet.stop());
        Fleet defaults = Fleet.defaultFleet();

        RunningFleet fixed = Await.result(new Simulator(vertx, defaults, SimulatorOptions.defaults().withBasePort(base).withoutLatency())
                .start());

        assertThat(fixed.services()).isEqualTo(defaults.addresses("127.0.0.1", base));
        assertThat(fixed.service("kakaotalk").healthUrl()).hasToString("http://127.0.0.1:" + base + "/health");
        assertThat(Http.health(base + 7)).isEqualTo(200);
    }
}
