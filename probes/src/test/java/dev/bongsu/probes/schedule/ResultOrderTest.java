package dev.bongsu.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultOrderTest {
    @Test
    void aLaterRunFinishingFirstWaitsForTheEarlierOneAndBothLeaveInStartOrder() {
        ResultOrder<String> o = new ResultOrder<>();
        o.started("a", 1);
        o.started("a", 2);
        o.started("a", 3);

        assertThat(o.finished("a", 2, "a2-ok")).isEmpty();
        assertThat(o.held()).isEqualTo(1);
        assertThat(o.finished("a", 1, "a1-read_timeout")).containsExactly("a1-read_timeout", "a2-ok");
        assertThat(o.held()).isZero();
        assertThat(o.finished("a", 3, "a3-ok")).containsExactly("a3-ok");
        assertThat(o.pending()).isZero();
    }

    @Test
    void checksDoNotWaitForEachOther() {
        ResultOrder<String> o = new ResultOrder<>();
        o.started("a", 1);
        o.started("b", 2);
        o.started("a", 3);

        assertThat(o.finished("b", 2, "b2")).containsExactly("b2");
        assertThat(o.finished("a", 3, "a3")).isEmpty();
        assertThat(o.pending()).isEqualTo(2);
        assertThat(o.finished("a", 1, "a1")).containsExactly("a1", "a3");
    }

    @Test
    void aRunAfterAHeldOneStillWaitsForTheOldestInFlight() {
        ResultOrder<String> o = new ResultOrder<>();
        for (long i = 1; i <= 4; i++) {
            o.started("a", i);
        }
        assertThat(o.finished("a", 3, "a3")).isEmpty();
        assertThat(o.finished("a", 2, "a2")).isEmpty();
        assertThat(o.finished("a", 1, "a1")).containsExactly("a1", "a2", "a3");
        assertThat(o.finished("a", 4, "a4")).containsExactly("a4");
    }

    @Test
    void unknownAndRepeatedRunsPassStraightThroughSoNoResultIsLost() {
        ResultOrder<String> o = new ResultOrder<>();
        assertThat(o.finished("a", 7, "a7")).containsExactly("a7");
        o.started("a", 8);
        o.started("a", 9);
        assertThat(o.finished("a", 9, "a9")).isEmpty();
        assertThat(o.finished("a", 9, "a9-again")).containsExactly("a9-again");
        assertThat(o.finished("a", 8, "a8")).containsExactly("a8", "a9");
    }
}
