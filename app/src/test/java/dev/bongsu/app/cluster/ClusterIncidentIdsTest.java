package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterIncidentIdsTest {
    @Test
    void twoServersGiveTheSameIdsForTheSameSequenceOfRequests() {
        ClusterIncidentIds a = new ClusterIncidentIds();
        ClusterIncidentIds b = new ClusterIncidentIds();
        Instant onsetA = Instant.parse("2026-11-25T13:42:01.250Z");
        Instant onsetB = Instant.parse("2026-11-25T13:42:59.900Z");

        assertThat(a.next(onsetA, "kakaotalk")).isEqualTo(b.next(onsetB, "kakaotalk")).isEqualTo("inc-20261125-1342-kakaotalk");
        assertThat(a.next(onsetA, "kakaotalk")).isEqualTo(b.next(onsetA, "kakaotalk")).isEqualTo("inc-20261125-1342-kakaotalk-2");
        assertThat(a.next(onsetA, "group")).isEqualTo("inc-20261125-1342-group");
    }

    @Test
    void subjectsAreMadeSafeForUrls() {
        assertThat(new ClusterIncidentIds().next(Instant.parse("2026-11-25T00:00:00Z"), "probe seoul/kt"))
                .isEqualTo("inc-20261125-0000-probe_seoul_kt");
    }
}
