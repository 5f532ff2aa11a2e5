package dev.bongsu.simulator;

import dev.bongsu.model.scenario.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StatusSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetConfigsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final List<ServiceAddress> addresses = Fleet.defaultFleet().addresses("127.0.0.1", 18101);

    @Test
    void serviceConfigsCarryTheFleetsAttributesAndAHealthCheck() {
        List<ServiceConfig> configs = FleetConfigs.serviceConfigs(addresses, INTERVAL, TIMEOUT);

        assertThat(configs).hasSize(8);
        ServiceConfig bank = configs.get(1);
        assertThat(bank.id()).isEqualTo("kakaobank");
        assertThat(bank.provider()).isEqualTo("kakao");
        assertThat(bank.category()).isEqualTo("bank");
        assertThat(bank.datacenter()).isEqualTo("pangyo");
        assertThat(bank.region()).isEqualTo("kr-gyeonggi");
        assertThat(bank.dependsOn()).containsExactly("kakao-account");
        assertThat(bank.publicAttributes()).isEqualTo(Set.of("provider", "category", "datacenter"));
        CheckConfig check = bank.checks().get(0);
        assertThat(check.id()).isEqualTo("kakaobank.http");
        assertThat(check.type()).isEqualTo(CheckType.HTTP);
        assertThat(check.interval()).isEqualTo(INTERVAL);
        assertThat(check.timeout()).isEqualTo(TIMEOUT);
        assertThat(check.critical()).isTrue();
        HttpTarget http = (HttpTarget) check.target();
        assertThat(http.url()).hasToString("http://127.0.0.1:18102/health");
        assertThat(http.expectStatus().matches(200)).isTrue();
        assertThat(http.expectStatus().matches(204)).isFalse();
    }

    @Test
    void thePrintedYamlIsAValidConfigThatLoadsToTheSameServiceConfigs() {
        String yaml = FleetConfigs.yaml(addresses, INTERVAL, TIMEOUT);

        BongsuConfig loaded = new ConfigLoader(Map.of()).parse("fleet.yaml", yaml);

        assertThat(loaded.services()).extracting(FleetConfigsTest::comparable)
                .containsExactlyElementsOf(FleetConfigs.serviceConfigs(addresses, INTERVAL, TIMEOUT).stream()
                        .map(FleetConfigsTest::comparable).toList());
    }

    @Test
    void aTimeoutLongerThanTheIntervalIsRejected() {
        assertThatThrownBy(() -> FleetConfigs.serviceConfigs(addresses, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the check timeout (2s) must not be longer than the interval (1s)");
    }

    /** The config with its status sets (records of int arrays, equal only by identity) replaced by their text. */
    private static ServiceConfig comparable(ServiceConfig s) {
        List<CheckConfig> checks = s.checks().stream().map(c -> {
            HttpTarget t = (HttpTarget) c.target();
            StatusSet canonical = new StatusSet(List.of(), t.expectStatus().text()
                    + t.expectStatus().ranges().stream().map(r -> "[" + r[0] + "-" + r[1] + "]").toList());
            HttpTarget target = new HttpTarget(t.url(), t.method(), t.headers(), t.body(), canonical, t.bodyContains(),
                    t.json(), t.followRedirects(), t.maxRedirects(), t.maxBodyBytes(), t.verifyTls());
            return new CheckConfig(c.id(), c.name(), c.serviceId(), c.type(), c.interval(), c.timeout(), c.critical(),
                    target, c.thresholds(), c.vantageThresholds());
        }).toList();
        return new ServiceConfig(s.id(), s.name(), s.provider(), s.category(), s.datacenter(), s.region(),
                s.dependsOn(), s.publicAttributes(), checks);
    }
}
