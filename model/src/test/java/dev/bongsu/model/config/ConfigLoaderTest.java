package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.CheckType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("BONGSU_ADMIN_TOKEN", "0123456789abcdef-token"));

    private static Path fixture(String name) {
        try {
            return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void minimalConfigTakesDocumentedDefaults() {
        BongsuConfig cfg = loader.load(fixture("minimal.yaml"));

        assertThat(cfg.http().host()).isEqualTo("127.0.0.1");
        assertThat(cfg.http().port()).isEqualTo(8080);
        assertThat(cfg.vantageNames()).containsExactly("local");
        assertThat(cfg.admin().token()).isNull();
        assertThat(cfg.storage().timeSeries()).isEqualTo("sqlite");
        assertThat(cfg.storage().dir()).isEqualTo(Path.of("data"));
        CheckConfig check = cfg.checks().get(0);
        assertThat(check.id()).isEqualTo("kakaotalk.http");
        assertThat(check.type()).isEqualTo(CheckType.HTTP);
        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(check.critical()).isTrue();
        HttpTarget http = (HttpTarget) check.target();
        assertThat(http.expectStatus().matches(204)).isTrue();
        assertThat(http.expectStatus().matches(301)).isFalse();
        assertThat(http.maxRedirects()).isEqualTo(5);
        assertThat(cfg.detector()).isEqualTo(DetectorConfig.defaults());
    }

    @Test
    void exampleConfigIsValid() {
        BongsuConfig cfg = loader.load(Path.of("..", "examples", "bongsu.yaml"));

        assertThat(cfg.vantageNames()).containsExactly("seoul-kt", "busan-skb", "daejeon-lgu", "tokyo-aws");
        assertThat(cfg.vantages()).allMatch(VantageConfig::isPublic);
        assertThat(cfg.vantages()).extracting(VantageConfig::network).containsExactly("KT", "SKB", "LG U+", "AWS Tokyo");
        assertThat(cfg.vantages()).extracting(VantageConfig::country).containsExactly("KR", "KR", "KR", "JP");
        assertThat(cfg.services()).extracting(ServiceConfig::id).containsExactly("kakaotalk", "kakaobank");
        assertThat(cfg.admin().token()).isEqualTo("0123456789abcdef-token");
        ServiceConfig talk = cfg.service("kakaotalk").orElseThrow();
        assertThat(talk.name().ko()).isEqualTo("카카오톡");
        assertThat(talk.attributeValues("dependsOn")).containsExactly("kakao-account");
        assertThat(talk.checks()).extracting(CheckConfig::id)
                .containsExactly("kakaotalk.web", "kakaotalk.tls", "kakaotalk.dns");
        assertThat(((DnsTarget) talk.checks().get(2).target()).name()).isEqualTo("kakao.com");
        CheckConfig bank = cfg.service("kakaobank").orElseThrow().checks().get(0);
        assertThat(bank.thresholdsFor("tokyo-aws")).isEqualTo(new Thresholds(3, 3));
        assertThat(bank.thresholdsFor("seoul-kt")).isEqualTo(new Thresholds(2, 3));
    }

    @Test
    void environmentReferencesAreResolvedWithDefaults() {
        ConfigLoader withPort = new ConfigLoader(Map.of("PORT", "9090"));
        String yaml = """
                http:
                  port: ${PORT}
                  host: ${HOST:-127.0.0.2}
                services:
                  - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                """;

        BongsuConfig cfg = withPort.parse("inline.yaml", yaml);

        assertThat(cfg.http().port()).isEqualTo(9090);
        assertThat(cfg.http().host()).isEqualTo("127.0.0.2");
        assertThat(cfg.http().publicUrl()).isEqualTo("http://127.0.0.2:9090");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-yaml.yaml                | bad-yaml.yaml:4: not valid YAML: expected ',' or ']', but got <stream end>
            bad-unknown-root.yaml        | bad-unknown-root.yaml:1: servces: unknown key; expected one of http, admin, metrics, vantages, defaults, services, storage, probes, detector, alerting, statusPage, cluster, smtp, reload, watchdog
            bad-no-services.yaml         | bad-no-services.yaml:1: services: required key is missing
            bad-port.yaml                | bad-port.yaml:2: http.port: expected a whole number from 0 to 65535, found '70000'
            bad-service-id.yaml          | bad-service-id.yaml:2: services[0].id: expected an id of lower-case letters, digits, '-' and '_' (at most 63, starting with a letter or digit), found 'Kakao Talk'
            bad-duplicate-service.yaml   | bad-duplicate-service.yaml:7: services[1].id: duplicate service id 'a' (first at line 2)
            bad-check-type.yaml          | bad-check-type.yaml:7: services[0].checks[0].type: expected one of http, https, tcp, dns, tls, heartbeat, found 'icmp'
            bad-url.yaml                 | bad-url.yaml:8: services[0].checks[0].url: expected an absolute http:// or https:// URL, found 'ftp://example.com/'
            bad-timeout.yaml             | bad-timeout.yaml:10: services[0].checks[0].timeout: expected a timeout no longer than the interval (5s), found '10s'
            bad-duration.yaml            | bad-duration.yaml:2: defaults.interval: expected a duration from 100ms to 1d such as 500ms, 5s, 1m or 2h, found '5 seconds'
            bad-status.yaml              | bad-status.yaml:9: services[0].checks[0].expectStatus[1]: expected a status code (200), a class (2xx) or a range (200-299), found '2x'
            bad-check-key.yaml           | bad-check-key.yaml:10: services[0].checks[0].url: unknown key; expected one of name, type, interval, timeout, critical, thresholds, host, port
            bad-missing-provider.yaml    | bad-missing-provider.yaml:2: services[0].provider: required key is missing
            bad-env.yaml                 | bad-env.yaml:2: http.port: environment variable BONGSU_TEST_UNSET_PORT is not set (write ${BONGSU_TEST_UNSET_PORT:-default} to give a default)
            bad-vantage-threshold.yaml   | bad-vantage-threshold.yaml:13: services[0].checks[0].thresholds.vantages.tokyo-aws: unknown vantage 'tokyo-aws'; expected one of seoul-kt, busan-skb
            bad-duplicate-check.yaml     | bad-duplicate-check.yaml:10: services[0].checks[1]: duplicate check name 'tcp' in service 'a'; give each check of a service its own 'name'
            bad-json-pointer.yaml        | bad-json-pointer.yaml:9: services[0].checks[0].json.pointer: expected a JSON pointer starting with '/', such as /status, found 'status'
            bad-quorum.yaml              | bad-quorum.yaml:2: detector.quorum: expected 'majority' or a whole number of vantages from 1 to 1000, found 'most'
            bad-token.yaml               | bad-token.yaml:2: admin.token: expected a token of at least 16 characters (value not shown)
            bad-public-attribute.yaml    | bad-public-attribute.yaml:6: services[0].public[1]: expected one of provider, category, datacenter, region, dependsOn, found 'url'
            bad-duplicate-key.yaml       | bad-duplicate-key.yaml:3: http.port: duplicate key (first at line 2)
            bad-storage.yaml             | bad-storage.yaml:2: storage.influx: required when timeSeries is influx: give at least influx.url
            empty.yaml                   | empty.yaml:1: the file is empty; expected at least 'services'
            """)
    void badConfigIsRejectedWithFileLineKeyAndValue(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message));
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> loader.load(Path.of("no/such/bongsu.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no/such/bongsu.yaml: file does not exist");
    }

    @Test
    void secretsNeverAppearInErrors() {
        ConfigLoader withSecret = new ConfigLoader(Map.of("TOKEN", "tiny"));
        String yaml = """
                admin: {token: "${TOKEN}"}
                services:
                  - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                """;

        assertThatThrownBy(() -> withSecret.parse("s.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tiny"));
    }
}
