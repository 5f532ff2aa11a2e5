package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorSectionTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void thePacingDerivesFromTheIntervalWhenUnset() {
        DetectorConfig d = loader.parse("d.yaml", SERVICES).detector();

        assertThat(d.confirmFor()).isNull();
        assertThat(d.stragglerWait()).isNull();
        assertThat(d.confirmTogether()).isEqualTo(3);
    }

    @Test
    void thePacingKeysAreRead() {
        DetectorConfig d = loader.parse("d.yaml", """
                detector:
                  confirmFor: 45s
                  confirmTogether: 4
                  stragglerWait: 3s
                """ + SERVICES).detector();

        assertThat(d.confirmFor()).isEqualTo(Duration.ofSeconds(45));
        assertThat(d.confirmTogether()).isEqualTo(4);
        assertThat(d.stragglerWait()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void confirmTogetherNeedsAtLeastTwoServices() {
        assertThatThrownBy(() -> loader.parse("d.yaml", "detector: {confirmTogether: 1}\n" + SERVICES))
                .hasMessageStartingWith("d.yaml:1: detector.confirmTogether: expected");
    }
}
