package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.simulator.Fleet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterExampleConfigTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "cluster-local.yaml");

    @Test
    void theLocalClusterExampleIsValidAndWatchesTheSimulatedFleet() {
        BongsuConfig cfg = new ConfigLoader(Map.of("BONGSU_WEBHOOK_URL", "http://127.0.0.1:9000/hook")).load(EXAMPLE);

        assertThat(cfg.vantageNames()).containsExactly("seoul-kt", "busan-skb", "tokyo-aws");
        assertThat(cfg.cluster().members()).hasSize(10).startsWith("127.0.0.1:5701").endsWith("127.0.0.1:5710");
        assertThat(cfg.cluster().host()).isEqualTo("127.0.0.1");
        assertThat(cfg.http().port()).isEqualTo(8080);
        assertThat(cfg.alerting().receivers()).anySatisfy(r -> assertThat(r.settings(dev.bongsu.model.config.receiver.WebhookSettings.class).map(w -> w.url()).orElse(null))
                .isEqualTo("http://127.0.0.1:9000/hook"));
        List<String> urls = cfg.services().stream().map(ServiceConfig::checks).map(c -> ((HttpTarget) c.get(0).target()).url().toString()).toList();
        List<String> fleet = Fleet.defaultFleet().addresses("127.0.0.1", 18101).stream().map(a -> a.healthUrl().toString()).toList();
        assertThat(urls).isEqualTo(fleet);
        assertThat(cfg.services()).extracting(ServiceConfig::id).containsExactlyElementsOf(
                Fleet.defaultFleet().addresses("127.0.0.1", 18101).stream().map(a -> a.service().id()).toList());
    }

    @Test
    void theServersHttpPortComesFromTheEnvironment() {
        BongsuConfig cfg = new ConfigLoader(Map.of("BONGSU_WEBHOOK_URL", "http://127.0.0.1:9000/hook", "BONGSU_HTTP_PORT", "8081"))
                .load(EXAMPLE);

        assertThat(cfg.http().port()).isEqualTo(8081);
    }
}
