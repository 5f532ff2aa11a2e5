package dev.bongsu.statuspage.data;

import static dev.bongsu.model.Health.DEGRADED;
import static dev.bongsu.model.Health.DOWN;
import static dev.bongsu.model.Health.UNKNOWN;
import static dev.bongsu.model.Health.UP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverallTest {
    @Test
    void bannerFollowsHowManyAreDown() {
        assertThat(Overall.of(List.of(UP, UP, UNKNOWN))).isEqualTo(Overall.OPERATIONAL);
        assertThat(Overall.of(List.of(UP, DEGRADED, UP))).isEqualTo(Overall.DEGRADED);
        assertThat(Overall.of(List.of(UP, DOWN, UP, UP))).isEqualTo(Overall.PARTIAL_OUTAGE);
        assertThat(Overall.of(List.of(DOWN, DOWN, UP, UP))).isEqualTo(Overall.MAJOR_OUTAGE);
        assertThat(Overall.of(List.of(UNKNOWN, UNKNOWN))).isEqualTo(Overall.NO_DATA);
        assertThat(Overall.of(List.of())).isEqualTo(Overall.NO_DATA);
    }
}
