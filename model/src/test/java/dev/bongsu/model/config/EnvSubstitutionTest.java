package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private final EnvSubstitution env = new EnvSubstitution(Map.of("HOST", "db.local", "EMPTY", ""));

    @Test
    void replacesSetVariablesAndDefaults() {
        assertThat(env.apply("http://${HOST}:${PORT:-8086}/x")).isEqualTo("http://db.local:8086/x");
        assertThat(env.apply("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(env.apply("${EMPTY}")).isEmpty();
        assertThat(env.apply("no refs, $HOST stays")).isEqualTo("no refs, $HOST stays");
    }

    @Test
    void unsetVariableWithoutDefaultIsAnError() {
        assertThatThrownBy(() -> env.apply("${MISSING}"))
                .hasMessage("environment variable MISSING is not set (write ${MISSING:-default} to give a default)");
    }
}
