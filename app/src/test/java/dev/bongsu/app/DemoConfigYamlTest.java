package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code bongsu demo} is given on its command line reads back from the YAML it writes exactly, or is refused. */
class DemoConfigYamlTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;

    private static DemoSystem.Options options(Path data, List<String> webhooks, String influx, String token) {
        return new DemoSystem.Options(8080, Duration.ofSeconds(5), Duration.ofSeconds(2), data, webhooks, influx, token, 9464);
    }

    private static BongsuConfig load(DemoSystem.Options o) {
        return new ConfigLoader(Map.of()).parse("demo configuration", DemoConfigYaml.of(o, SERVICES));
    }

    @Test
    void quotesColonsAndHashesReadBackExactly() {
        String token = "tok\"en: with #hash and 'quotes'";
        Path data = Path.of("/tmp/demo: \"data\" #1/it's");
        String hook = "http://127.0.0.1:9000/hook?a='x'#frag";
        String influx = "http://127.0.0.1:8086";

        BongsuConfig cfg = load(options(data, List.of(hook, "http://127.0.0.1:9001/b"), influx, token));

        assertThat(cfg.admin().token()).isEqualTo(token);
        assertThat(cfg.storage().dir()).isEqualTo(data);
        assertThat(cfg.storage().influx().url()).isEqualTo(influx);
        assertThat(cfg.alerting().receivers()).extracting(r -> r.settings(dev.bongsu.model.config.receiver.WebhookSettings.class).map(w -> w.url()).orElse(null)).contains(hook, "http://127.0.0.1:9001/b");
        assertThat(cfg.http().port()).isEqualTo(8080);
        assertThat(cfg.http().metrics().port()).isEqualTo(9464);
    }

    @Test
    void aLineBreakCannotAddKeysAndIsRefusedByValidation() {
        String injected = "0123456789abcdef\"\nmetrics: {port: 1}\n#";

        assertThatThrownBy(() -> load(options(Path.of("/tmp/d"), List.of(), null, injected)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.token: expected a token of printable ASCII characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0123456789abcdef"));
        assertThatThrownBy(() -> load(options(Path.of("/tmp/d"), List.of("http://127.0.0.1:9/\nadmin: {token: x}"), null, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerting.receivers[1].url");
    }

    @Test
    void theDemoVantagesArePublicSoThePageShowsWhereItFailsFrom() {
        BongsuConfig cfg = load(options(Path.of("/tmp/d"), List.of(), null, null));

        assertThat(cfg.vantages()).allMatch(dev.bongsu.model.config.VantageConfig::isPublic);
        assertThat(cfg.vantages()).extracting(v -> v.label().en()).containsExactly("KT Seoul", "SKB Busan", "Tokyo (AWS)");
        assertThat(cfg.vantages()).extracting(dev.bongsu.model.config.VantageConfig::network).containsExactly("KT", "SKB", "AWS Tokyo");
    }

    @Test
    void anEnvironmentReferenceIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> DemoConfigYaml.of(options(Path.of("/tmp/${HOME}"), List.of(), null, null), SERVICES))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith("--data: the value may not contain '${'");
    }
}
