package dev.bongsu.aggregator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.Health;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.SeriesBudget;
import dev.bongsu.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-check and per-service series, through {@link BongsuMetrics}, with a manual clock. */
class CheckSeriesTest {
    static final String FLEET = """
            vantages: [seoul-kt, busan-skb]
            services:
              - id: kakaotalk
                name: KakaoTalk
                provider: kakao
                category: messenger
                checks:
                  - {type: http, url: "https://127.0.0.1:8443/health", interval: 30s}
                  - {type: tcp, host: 127.0.0.1, port: 5222}
              - id: kakaobank
                name: KakaoBank
                provider: kakao
                category: bank
                checks:
                  - {type: heartbeat, period: 1m}
            """;
    static final long T0 = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();

    final ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
    final BongsuMetrics metrics = new BongsuMetrics(clock);

    static BongsuConfig config(String yaml) {
        return new ConfigLoader(Map.of()).parse("test.yaml", yaml);
    }

    static ProbeResult https(String vantage, long t) {
        return ProbeResult.success("kakaotalk.http", "kakaotalk", vantage, t, 200, new Timings(2, 5, 8, 30, 42)).withCertDaysLeft(40.0);
    }

    static ProbeResult tcpDown(String vantage, long t) {
        return ProbeResult.failure("kakaotalk.tcp", "kakaotalk", vantage, t, ErrorClass.CONNECT_REFUSED, 0,
                new Timings(Timings.NOT_MEASURED, 1.5, Timings.NOT_MEASURED, Timings.NOT_MEASURED, 1.5), "refused");
    }

    void publish(ProbeResult... results) {
        metrics.onResults(new ResultBatch(results[0].vantage(), List.of(results)));
    }

    List<String> checkLines() {
        return Arrays.stream(new String(metrics.scrape(), StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.startsWith("bongsu_check_") && !l.startsWith("bongsu_check_results_unconfigured")).toList();
    }

    String scrape() {
        return new String(metrics.scrape(), StandardCharsets.UTF_8);
    }

    @Test
    void theLastResultOfEachCheckAndVantageIsExposedWithItsPhasesAndCertificate() {
        metrics.configure(config(FLEET));
        publish(https("seoul-kt", T0), tcpDown("seoul-kt", T0 + 10));

        assertThat(scrape()).contains(
                "bongsu_check_up{check=\"kakaotalk.http\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 1.0",
                "bongsu_check_up{check=\"kakaotalk.tcp\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 0.0",
                "bongsu_check_duration_seconds{check=\"kakaotalk.http\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 0.042",
                "bongsu_check_phase_seconds{check=\"kakaotalk.http\",phase=\"first_byte\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 0.03",
                "bongsu_check_phase_seconds{check=\"kakaotalk.http\",phase=\"tls\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 0.008",
                "bongsu_check_phase_seconds{check=\"kakaotalk.tcp\",phase=\"connect\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 0.0015",
                "bongsu_check_last_result_timestamp_seconds{check=\"kakaotalk.tcp\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 1.79560080001E9",
                "bongsu_check_cert_expiry_timestamp_seconds{check=\"kakaotalk.http\",service=\"kakaotalk\",vantage=\"seoul-kt\"} "
                        + (T0 / 1000.0 + 40 * 86_400));
        // a phase never measured for a pair has no series; a silent vantage has none at all
        assertThat(checkLines()).noneMatch(l -> l.contains("kakaotalk.tcp") && l.contains("phase=\"dns\""))
                .noneMatch(l -> l.contains("busan-skb"));
    }

    @Test
    void resultsForChecksOrVantagesTheConfigurationDoesNotNameMakeNoSeries() {
        metrics.configure(config(FLEET));
        publish(ProbeResult.success("evil.http", "evil", "seoul-kt", T0, 200, Timings.total(1)));
        publish(https("mars-1", T0));
        publish(https(dev.bongsu.model.config.HeartbeatTarget.VANTAGE, T0));
        publish(ProbeResult.success("kakaobank.heartbeat", "kakaobank", "seoul-kt", T0, 0, Timings.total(0)));

        assertThat(checkLines()).isEmpty();
        assertThat(scrape()).contains("bongsu_check_results_unconfigured_total 4.0");

        publish(ProbeResult.success("kakaobank.heartbeat", "kakaobank", "push", T0, 0, Timings.total(0)));
        assertThat(checkLines()).contains("bongsu_check_up{check=\"kakaobank.heartbeat\",service=\"kakaobank\",vantage=\"push\"} 1.0");
    }

    @Test
    void aReloadedConfigurationRemovesTheSeriesOfRemovedChecksVantagesAndServices() {
        metrics.configure(config(FLEET));
        publish(https("seoul-kt", T0), tcpDown("seoul-kt", T0));
        publish(https("busan-skb", T0));
        metrics.onServiceState(new ServiceState("kakaobank", Health.DOWN, Instant.ofEpochMilli(T0), null));
        assertThat(scrape()).contains("bongsu_service_health{service=\"kakaobank\"} 2.0");

        metrics.configure(config(FLEET.replace("vantages: [seoul-kt, busan-skb]", "vantages: [seoul-kt, tokyo-aws]")
                .replace("      - {type: tcp, host: 127.0.0.1, port: 5222}\n", "")
                .replace("kakaobank", "kakaopay").replace("KakaoBank", "KakaoPay")));

        assertThat(checkLines()).allMatch(l -> l.contains("kakaotalk.http") && l.contains("seoul-kt"), "only kakaotalk.http from seoul-kt is left")
                .contains("bongsu_check_up{check=\"kakaotalk.http\",service=\"kakaotalk\",vantage=\"seoul-kt\"} 1.0");
        assertThat(scrape()).doesNotContain("service=\"kakaobank\"");
        publish(https("tokyo-aws", T0 + 1000));
        assertThat(checkLines()).contains("bongsu_check_up{check=\"kakaotalk.http\",service=\"kakaotalk\",vantage=\"tokyo-aws\"} 1.0");
    }

    @Test
    void aPairThatStopsReportingLosesItsSeriesAfterThreeIntervalsAndAtLeastTenMinutes() {
        metrics.configure(config(FLEET));
        publish(https("seoul-kt", T0));
        clock.advance(Duration.ofMinutes(9));
        publish(tcpDown("seoul-kt", T0 + 9 * 60_000));

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(metrics.sweepStale()).isEqualTo(1);

        assertThat(checkLines()).noneMatch(l -> l.contains("kakaotalk.http")).anyMatch(l -> l.contains("kakaotalk.tcp"));
        publish(https("seoul-kt", T0 + 11 * 60_000));
        assertThat(checkLines()).anyMatch(l -> l.startsWith("bongsu_check_up{check=\"kakaotalk.http\""));
    }

    @Test
    void withPerCheckSeriesOffThereAreNone() {
        metrics.configure(config("metrics: {perCheck: false}\n" + FLEET));
        publish(https("seoul-kt", T0));

        assertThat(checkLines()).isEmpty();
        assertThat(scrape()).contains("bongsu_check_results_unconfigured_total 0.0");
    }

    @Test
    void everyPairReportingEveryPhaseReachesExactlyTheBudget() {
        BongsuConfig cfg = config(FLEET);
        metrics.configure(cfg);
        for (String v : cfg.vantageNames()) {
            publish(https(v, T0), ProbeResult.success("kakaotalk.tcp", "kakaotalk", v, T0, 0, new Timings(1, 2, 3, 4, 5)));
        }
        publish(ProbeResult.success("kakaobank.heartbeat", "kakaobank", "push", T0, 0, Timings.total(0)));
        for (var s : cfg.services()) {
            metrics.onServiceState(new ServiceState(s.id(), Health.UP, Instant.ofEpochMilli(T0), null));
        }
        long serviceLines = Arrays.stream(scrape().split("\n"))
                .filter(l -> l.startsWith("bongsu_service_state{") || l.startsWith("bongsu_service_health{")).count();

        assertThat(checkLines().size() + serviceLines).isEqualTo(SeriesBudget.of(cfg).total());
    }
}
