package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.LocalizedText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vantage section: names, regions, and what the status page may show of each vantage. */
class VantageConfigTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;

    private static BongsuConfig load(String vantages) {
        return new ConfigLoader(Map.of()).parse("v.yaml", vantages + SERVICES);
    }

    @Test
    void aFullVantageReadsEveryField() {
        BongsuConfig cfg = load("""
                vantages:
                  - name: seoul-kt
                    region: kr-seoul
                    displayName: {ko: "KT 서울", en: "KT Seoul"}
                    network: KT
                    public: true
                  - {name: tokyo-aws, region: ap-northeast-1, country: jp, network: "AWS Tokyo", displayName: "AWS Tokyo"}
                """);

        assertThat(cfg.vantages()).containsExactly(
                new VantageConfig("seoul-kt", "kr-seoul", new LocalizedText("KT 서울", "KT Seoul"), "KR", "KT", true),
                new VantageConfig("tokyo-aws", "ap-northeast-1", new LocalizedText("AWS Tokyo", "AWS Tokyo"), "JP", "AWS Tokyo", false));
    }

    @Test
    void aShortVantageIsPrivateWithItsCountryFromTheRegion() {
        BongsuConfig cfg = load("vantages: [seoul-kt, {name: busan-skb, region: kr-busan}]\n");

        assertThat(cfg.vantages()).containsExactly(new VantageConfig("seoul-kt", null), new VantageConfig("busan-skb", "kr-busan"));
        VantageConfig busan = cfg.vantages().get(1);
        assertThat(busan.isPublic()).isFalse();
        assertThat(busan.country()).isEqualTo("KR");
        assertThat(busan.label()).isEqualTo(new LocalizedText("busan-skb", "busan-skb"));
    }

    @Test
    void countryOfTakesOnlyATwoLetterPrefix() {
        assertThat(VantageConfig.countryOf("kr-seoul")).isEqualTo("KR");
        assertThat(VantageConfig.countryOf("jp")).isEqualTo("JP");
        assertThat(VantageConfig.countryOf("seoul")).isNull();
        assertThat(VantageConfig.countryOf(null)).isNull();
    }

    @Test
    void aBadCountryIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> load("vantages: [{name: x, country: Korea}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("v.yaml:1: vantages[0].country: expected a two-letter ISO 3166 country code such as KR or JP, found");
    }

    @Test
    void aNetworkMustBeOneTextAndPublicABoolean() {
        assertThatThrownBy(() -> load("vantages: [{name: x, network: [KT]}]\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vantages[0].network: expected a network name");
        assertThatThrownBy(() -> load("vantages: [{name: x, public: maybe}]\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vantages[0].public: expected true or false");
        assertThatThrownBy(() -> load("vantages: [{name: x, publik: true}]\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vantages[0].publik: unknown key");
    }
}
