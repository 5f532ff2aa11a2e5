package dev.bongsu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ConfigException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FleetTest {
    private final Fleet fleet = Fleet.defaultFleet();

    private static Path fixture(String name) {
        try {
            return Path.of(FleetTest.class.getResource("/fleets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void defaultFleetHasBothProvidersInEveryCategory() {
        assertThat(fleet.services()).hasSize(8);
        assertThat(fleet.providers()).containsExactly("kakao", "naver");
        for (String provider : List.of("kakao", "naver")) {
            assertThat(fleet.select(FaultTarget.provider(provider))).extracting(SimulatedService::category)
                    .containsExactlyInAnyOrder("messenger", "bank", "pay", "map");
        }
        assertThat(fleet.service("kakaotalk").orElseThrow().name()).isEqualTo(new LocalizedText("카카오톡", "KakaoTalk"));
        assertThat(fleet.services()).allSatisfy(s -> {
            assertThat(s.medianLatency()).isBetween(Duration.ofMillis(10), Duration.ofMillis(60));
            assertThat(s.region()).startsWith("kr-");
        });
    }

    @Test
    void pangyoHostsEveryKakaoServiceAndSomeOfNavers() {
        assertThat(fleet.datacenters()).containsExactly("pangyo", "chuncheon");
        assertThat(fleet.select(FaultTarget.datacenter("pangyo", "kakao"))).extracting(SimulatedService::id)
                .containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(fleet.select(FaultTarget.datacenter("pangyo", "naver"))).extracting(SimulatedService::id)
                .containsExactly("line", "navermap");
        assertThat(fleet.select(FaultTarget.datacenter("chuncheon"))).extracting(SimulatedService::id)
                .containsExactly("naverbank", "naverpay");
    }

    @Test
    void bankAndPayDependOnTheSharedLogin() {
        assertThat(fleet.select(FaultTarget.dependents(Fleet.KAKAO_ACCOUNT))).extracting(SimulatedService::id)
                .containsExactly("kakaobank", "kakaopay");
        assertThat(fleet.service("kakaotalk").orElseThrow().dependsOn()).isEmpty();
    }

    @Test
    void targetsDescribeThemselves() {
        assertThat(FaultTarget.datacenter("pangyo", "kakao").describe()).isEqualTo("kakao services in pangyo");
        assertThat(FaultTarget.datacenter("pangyo").describe()).isEqualTo("all services in pangyo");
        assertThat(FaultTarget.services("kakaotalk").describe()).isEqualTo("kakaotalk");
        assertThat(FaultTarget.services("a", "b", "c").describe()).isEqualTo("a, b and c");
        assertThatThrownBy(() -> new FaultTarget(List.of(), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultTarget(List.of("kakaotalk"), "kakao", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressesFollowTheBasePort() {
        List<ServiceAddress> addresses = fleet.addresses("127.0.0.1", 18101);

        assertThat(addresses).extracting(ServiceAddress::address).startsWith("127.0.0.1:18101", "127.0.0.1:18102");
        assertThat(addresses.get(7).healthUrl()).hasToString("http://127.0.0.1:18108/health");
    }

    @Test
    void aFleetFileDefinesACustomFleet() {
        Fleet custom = Fleet.load(fixture("small.yaml"));

        assertThat(custom.services()).containsExactly(
                new SimulatedService("talk", new LocalizedText("톡", "Talk"), "acme", "messenger", "dc1", "kr-seoul",
                        List.of("acme-login"), Duration.ofMillis(12)),
                new SimulatedService("bank", new LocalizedText("Bank", "Bank"), "acme", "bank", "dc2", null,
                        List.of(), Duration.ZERO));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            bad-latency.yaml            | bad-latency.yaml:7: services[0].latency: expected a median latency from 0s to 10s such as 25ms, or none, found 'fast'
            bad-missing-datacenter.yaml | bad-missing-datacenter.yaml:2: services[0].datacenter: required key is missing
            bad-duplicate.yaml          | bad-duplicate.yaml:7: services[1].id: duplicate service id 'talk' (first at line 2)
            bad-key.yaml                | bad-key.yaml:7: services[0].latancy: unknown key; expected one of id, name, provider, category, datacenter, region, dependsOn, latency
            """)
    void badFleetFilesNameFileLineKeyAndProblem(String file, String message) {
        assertThatThrownBy(() -> Fleet.parse(file, new String(java.nio.file.Files.readAllBytes(fixture(file)),
                java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void aMissingFleetFileSaysSo() {
        assertThatThrownBy(() -> Fleet.load(Path.of("no-such-fleet.yaml")))
                .isInstanceOf(ConfigException.class).hasMessage("no-such-fleet.yaml: file does not exist");
    }
}
