package dev.bongsu.aggregator.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Timings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinuteRollupsTest {
    /** 2026-01-01T00:00:00Z, a minute boundary. */
    private static final long T0 = 1_767_225_600_000L;
    private static final long MIN = 60_000;

    private final MinuteRollups rollups = new MinuteRollups(Duration.ofMinutes(2), T0);

    private static ProbeResult ok(String vantage, long at, double ms) {
        return ProbeResult.success("kakao-talk.http", "kakao-talk", vantage, at, 200, Timings.total(ms));
    }

    private static ProbeResult fail(String vantage, long at, ErrorClass error, double ms) {
        return ProbeResult.failure("kakao-talk.http", "kakao-talk", vantage, at, error, 0, Timings.total(ms), "down");
    }

    @Test
    void oneMinuteOfResultsBecomesOneRollupWithExactPercentilesAndErrorCounts() {
        // 100 probes at 1..100 ms in the first minute, every 10th failing.
        for (int i = 1; i <= 100; i++) {
            long at = T0 + i * 500L;
            ProbeResult r = i % 10 == 0 ? fail("seoul", at, i % 20 == 0 ? ErrorClass.HTTP_5XX : ErrorClass.CONNECT_TIMEOUT, i)
                    : ok("seoul", at, i);
            assertThat(rollups.add(r, at)).isTrue();
        }

        MinuteRollups.Closed closed = rollups.closeDue(T0 + 3 * MIN);

        assertThat(closed.rebuild()).isEmpty();
        assertThat(closed.rollups()).containsExactly(new Rollup("kakao-talk.http", "kakao-talk", "seoul", T0,
                100, 90, 50, 95, 99, 100, Map.of("http_5xx", 5, "connect_timeout", 5)));
        assertThat(closed.rollups().get(0).availability()).isEqualTo(0.9);
    }

    @Test
    void minuteBoundariesFollowTheProbeStartTime() {
        rollups.add(ok("seoul", T0 + MIN - 1, 10), T0 + MIN - 1);
        rollups.add(ok("seoul", T0 + MIN, 20), T0 + MIN);
        rollups.add(ok("busan", T0 + MIN + 5, 30), T0 + MIN + 5);

        List<Rollup> out = rollups.closeDue(T0 + 4 * MIN).rollups();

        assertThat(out).extracting(Rollup::minute, Rollup::vantage, Rollup::count, Rollup::maxMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(T0, "seoul", 1, 10.0),
                org.assertj.core.groups.Tuple.tuple(T0 + MIN, "busan", 1, 30.0),
                org.assertj.core.groups.Tuple.tuple(T0 + MIN, "seoul", 1, 20.0));
    }

    @Test
    void aMinuteClosesExactlyWhenItsEndPlusGraceIsReached() {
        rollups.add(ok("seoul", T0 + 1_000, 10), T0 + 1_000);

        assertThat(rollups.closeDue(T0 + MIN + 2 * MIN - 1).isEmpty()).isTrue();
        assertThat(rollups.openMinutes()).isEqualTo(1);
        assertThat(rollups.closeDue(T0 + MIN + 2 * MIN).rollups()).hasSize(1);
        assertThat(rollups.openMinutes()).isZero();
        assertThat(rollups.closeDue(T0 + 10 * MIN).isEmpty()).isTrue();
    }

    @Test
    void resultsArrivingWithinTheGracePeriodLandInTheirMinute() {
        rollups.add(ok("seoul", T0 + 1_000, 10), T0 + 1_000);
        // A probe node that buffered for 100 s delivers a result of the first minute.
        assertThat(rollups.add(ok("seoul", T0 + 59_000, 30), T0 + 160_000)).isTrue();

        List<Rollup> out = rollups.closeDue(T0 + 180_000).rollups();

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.minute()).isEqualTo(T0);
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.maxMs()).isEqualTo(30);
        });
        assertThat(rollups.lateResults()).isZero();
    }

    @Test
    void aResultAfterItsMinuteClosedIsCountedLateAndItsMinuteIsRebuilt() {
        rollups.add(ok("seoul", T0 + 1_000, 10), T0 + 1_000);
        assertThat(rollups.closeDue(T0 + 3 * MIN).rollups()).hasSize(1);

        assertThat(rollups.add(fail("seoul", T0 + 2_000, ErrorClass.DNS, 5), T0 + 3 * MIN + 10)).isFalse();
        assertThat(rollups.add(fail("seoul", T0 + 3_000, ErrorClass.DNS, 5), T0 + 3 * MIN + 20)).isFalse();

        MinuteRollups.Closed closed = rollups.closeDue(T0 + 3 * MIN + 1_000);
        assertThat(closed.rollups()).isEmpty();
        assertThat(closed.rebuild()).containsExactly(new MinuteKey("kakao-talk.http", "seoul", T0));
        assertThat(rollups.lateResults()).isEqualTo(2);
        assertThat(rollups.closeDue(T0 + 4 * MIN).isEmpty()).isTrue();
    }

    @Test
    void aResultForAMinuteNeverOpenedButLongPastIsLateToo() {
        assertThat(rollups.add(ok("tokyo", T0 + 1_000, 10), T0 + 10 * MIN)).isFalse();
        assertThat(rollups.closeDue(T0 + 10 * MIN).rebuild()).containsExactly(new MinuteKey("kakao-talk.http", "tokyo", T0));
    }

    @Test
    void aMinuteThatBeganBeforeStartIsRebuiltInsteadOfWrittenHalfSeen() {
        MinuteRollups restarted = new MinuteRollups(Duration.ofMinutes(2), T0 + 30_000);
        restarted.add(ok("seoul", T0 + 40_000, 10), T0 + 40_000);
        restarted.add(ok("seoul", T0 + MIN + 1, 10), T0 + MIN + 1);

        MinuteRollups.Closed closed = restarted.closeDue(T0 + 5 * MIN);

        assertThat(closed.rebuild()).containsExactly(new MinuteKey("kakao-talk.http", "seoul", T0));
        assertThat(closed.rollups()).extracting(Rollup::minute).containsExactly(T0 + MIN);
    }

    @Test
    void closeAllFlushesOpenMinutes() {
        rollups.add(ok("seoul", T0 + 1_000, 10), T0 + 1_000);
        rollups.add(ok("seoul", T0 + MIN + 1_000, 10), T0 + MIN + 1_000);

        assertThat(rollups.closeAll().rollups()).hasSize(2);
        assertThat(rollups.openMinutes()).isZero();
    }

    @Test
    void summarizeRecomputesACellFromRawResultsInAnyOrder() {
        List<ProbeResult> raw = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            raw.add(i == 7 ? fail("seoul", T0 + i * 1_000L, ErrorClass.TLS, i) : ok("seoul", T0 + i * 1_000L, i));
        }

        Rollup r = MinuteRollups.summarize(new MinuteKey("kakao-talk.http", "seoul", T0), "kakao-talk", raw);

        assertThat(r).isEqualTo(new Rollup("kakao-talk.http", "kakao-talk", "seoul", T0, 20, 19, 10, 19, 20, 20, Map.of("tls", 1)));
    }

    @Test
    void summarizeRefusesAResultOfAnotherCell() {
        MinuteKey key = new MinuteKey("kakao-talk.http", "seoul", T0);
        assertThatThrownBy(() -> MinuteRollups.summarize(key, "kakao-talk", List.of(ok("seoul", T0 + MIN, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to");
    }

    @Test
    void negativeGraceIsRefused() {
        assertThatThrownBy(() -> new MinuteRollups(Duration.ofSeconds(-1), T0)).hasMessage("grace must not be negative, found PT-1S");
    }
}
