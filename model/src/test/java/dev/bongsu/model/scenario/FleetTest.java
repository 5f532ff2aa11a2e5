package dev.bongsu.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ConfigException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void theDefaultFleetHasBothProvidersInEveryCategory() {
        assertThat(fleet.ids()).containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "line", "naverbank",
                "naverpay", "navermap");
        assertThat(fleet.providers()).containsExactly("kakao", "naver");
        for (String provider : List.of("kakao", "naver")) {
            assertThat(fleet.select(Target.provider(provider))).extracting(FleetService::category)
                    .containsExactlyInAnyOrder("messenger", "bank", "pay", "map");
        }
        assertThat(fleet.service("kakaotalk").orElseThrow().name()).isEqualTo(new LocalizedText("카카오톡", "KakaoTalk"));
        assertThat(fleet.services()).allSatisfy(s -> {
            assertThat(s.medianLatency()).isBetween(Duration.ofMillis(10), Duration.ofMillis(60));
            assertThat(s.region()).startsWith("kr-");
        });
    }

    @Test
    void pangyoHostsEveryKakaoServiceAndSomeOfNaversAndLoginsAreShared() {
        assertThat(fleet.datacenters()).containsExactly("pangyo", "chuncheon");
        assertThat(fleet.select(Target.datacenter("pangyo", "naver"))).extracting(FleetService::id).containsExactly("line", "navermap");
        assertThat(fleet.select(Target.datacenter("chuncheon"))).extracting(FleetService::id).containsExactly("naverbank", "naverpay");
        assertThat(fleet.select(Target.dependents(Fleet.KAKAO_ACCOUNT))).extracting(FleetService::id)
                .containsExactly("kakaobank", "kakaopay");
    }

    @Test
    void aFleetFileDefinesACustomFleet() {
        Fleet custom = Fleet.load(fixture("small.yaml"));

        assertThat(custom.services()).containsExactly(
                new FleetService("talk", new LocalizedText("톡", "Talk"), "acme", "messenger", "dc1", "kr-seoul",
                        List.of("acme-login"), Duration.ofMillis(12), true),
                new FleetService("bank", new LocalizedText("Bank", "Bank"), "acme", "bank", "dc2", null,
                        List.of(), Duration.ZERO, true));
    }

    @Test
    void aGeneratedFleetSpreadsEachProviderOverTwoDatacenters() {
        Fleet big = Fleet.parse("big.yaml", "generate: {providers: 50, servicesPerProvider: 10, datacenters: 10}");

        assertThat(big.services()).hasSize(500);
        assertThat(big.providers()).hasSize(50);
        assertThat(big.datacenters()).hasSize(10);
        assertThat(big.select(Target.provider("p07"))).extracting(FleetService::datacenter).containsOnly("dc07", "dc08");
        assertThat(big.select(Target.datacenter("dc03"))).extracting(FleetService::provider).containsOnly("p02", "p03", "p12",
                "p13", "p22", "p23", "p32", "p33", "p42", "p43");
        assertThat(big.select(Target.dependents("p07-login"))).extracting(FleetService::category).containsExactly("bank", "pay");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-latency.yaml        | bad-latency.yaml:7: services[0].latency: expected a median latency from 0s to 10s such as 25ms, or none, found 'fast'
            bad-duplicate.yaml      | bad-duplicate.yaml:7: services[1].id: duplicate service id 'talk' (first at line 2)
            bad-key.yaml            | bad-key.yaml:7: services[0].latancy: unknown key; expected one of id, name, provider, category, datacenter, region, dependsOn, latency, critical
            bad-empty-services.yaml | bad-empty-services.yaml:1: services: expected a list of at least one service, found an empty list
            bad-both.yaml           | bad-both.yaml:2: services: use either 'services' or 'generate', not both
            """)
    void badFleetFilesNameFileLineKeyAndProblem(String file, String message) throws IOException {
        String yaml = Files.readString(fixture(file), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Fleet.parse(file, yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void aMissingFleetFileSaysSo() {
        assertThatThrownBy(() -> Fleet.load(Path.of("no-such-fleet.yaml")))
                .isInstanceOf(ConfigException.class).hasMessage("no-such-fleet.yaml: file does not exist");
    }
}
