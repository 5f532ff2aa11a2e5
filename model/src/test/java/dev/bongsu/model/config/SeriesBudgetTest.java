package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesBudgetTest {
    private static final String FLEET = """
            vantages: [seoul-kt, busan-skb, tokyo-aws]
            services:
              - id: kakaotalk
                name: KakaoTalk
                provider: kakao
                category: messenger
                checks:
                  - {type: http, url: "https://127.0.0.1:8443/health"}
                  - {type: tcp, host: 127.0.0.1, port: 5222}
              - id: kakaobank
                name: KakaoBank
                provider: kakao
                category: bank
                checks:
                  - {type: http, name: web, url: "http://127.0.0.1:8080/"}
                  - {type: tls, host: 127.0.0.1, port: 8443}
                  - {type: heartbeat, period: 1m}
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private static Path fixture(String name) {
        try {
            return Path.of(SeriesBudgetTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void countsSevenSeriesPerCheckAndVantageOnePerCertificateThreePerHeartbeatAndFivePerService() {
        SeriesBudget b = SeriesBudget.of(loader.parse("f.yaml", FLEET));

        // 4 probed checks × 3 vantages; https and tls carry a certificate; 1 heartbeat; 2 services
        assertThat(b).isEqualTo(new SeriesBudget(12, 6, 1, 2));
        assertThat(b.total()).isEqualTo(12 * 7 + 6 + 3 + 2 * 5);
        assertThat(b.formula()).isEqualTo("checks×vantages × 7 + certificate checks×vantages + heartbeat checks × 3 + services × 5 = "
                + "12 × 7 + 6 + 1 × 3 + 2 × 5 = 103");
    }

    @Test
    void theDocumentedExampleOf500HttpsChecksFrom3VantagesIs12500Series() {
        assertThat(new SeriesBudget(500 * 3, 500 * 3, 0, 100).total()).isEqualTo(12_500);
    }

    @Test
    void withoutPerCheckSeriesOnlyTheServicesCount() {
        BongsuConfig c = loader.parse("f.yaml", "metrics: {perCheck: false, maxSeries: 10}\n" + FLEET);

        assertThat(SeriesBudget.of(c)).isEqualTo(new SeriesBudget(0, 0, 0, 2));
        assertThat(c.http().metrics().ownListener()).isFalse();
    }

    @Test
    void theSeriesSettingsAreReadWithTheListenerAndDefaultTo100000() {
        assertThat(loader.parse("f.yaml", FLEET).http().metrics()).isEqualTo(new MetricsConfig("127.0.0.1", MetricsConfig.NONE, true, 100_000));
        assertThat(loader.parse("f.yaml", "metrics: {port: 9464, maxSeries: 200000}\n" + FLEET).http().metrics())
                .isEqualTo(new MetricsConfig("127.0.0.1", 9464, true, 200_000));
    }

    @Test
    void aConfigurationOverTheLimitIsRefusedNamingTheKeyTheCountAndTheFormula() {
        assertThatThrownBy(() -> loader.load(fixture("bad-metrics-max-series.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("bad-metrics-max-series.yaml:2: metrics.maxSeries: this configuration implies 58 Prometheus series, "
                        + "more than the limit of 50 (checks×vantages × 7 + certificate checks×vantages + heartbeat checks × 3 + services × 5 = "
                        + "6 × 7 + 3 + 1 × 3 + 2 × 5 = 58); raise metrics.maxSeries, set metrics.perCheck: false, or watch fewer checks "
                        + "or from fewer vantages (docs/METRICS.md, cardinality)");
    }

    @Test
    void theDefaultLimitIsNamedEvenWhenTheFileDoesNotSetIt() {
        StringBuilder yaml = new StringBuilder("vantages: [a, b, c, d, e, f, g, h, i, j]\nservices:\n");
        for (int s = 0; s < 30; s++) {
            yaml.append("  - id: s").append(s).append("\n    name: S\n    provider: p\n    category: c\n    checks:\n");
            for (int c = 0; c < 50; c++) {
                yaml.append("      - {type: tcp, name: c").append(c).append(", host: 127.0.0.1, port: ").append(1000 + c).append("}\n");
            }
        }
        // 1500 checks × 10 vantages × 7 + 30 × 5 = 105,150
        assertThatThrownBy(() -> loader.parse("big.yaml", yaml.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("big.yaml:1: metrics.maxSeries: this configuration implies 105,150 Prometheus series, more than the limit of 100,000");
    }

    @Test
    void badSeriesSettingsAreRejectedWithTheKey() {
        assertThatThrownBy(() -> loader.parse("m.yaml", "metrics: {maxSeries: 0}\n" + FLEET))
                .hasMessage("m.yaml:1: metrics.maxSeries: expected a whole number from 1 to 100000000, found '0'");
        assertThatThrownBy(() -> loader.parse("m.yaml", "metrics: {perCheck: maybe}\n" + FLEET))
                .hasMessage("m.yaml:1: metrics.perCheck: expected true or false, found 'maybe'");
        assertThatThrownBy(() -> loader.parse("m.yaml", "metrics: {maxSerie: 10}\n" + FLEET))
                .hasMessageStartingWith("m.yaml:1: metrics.maxSerie: unknown key; expected one of host, port, perCheck, maxSeries");
    }
}
