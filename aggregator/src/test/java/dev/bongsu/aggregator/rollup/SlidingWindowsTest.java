package dev.bongsu.aggregator.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {
    private static final long T0 = 1_767_225_600_000L;
    private final SlidingWindows windows = new SlidingWindows(5, Duration.ofSeconds(60));

    private static ProbeResult result(String vantage, long at, boolean ok, double ms) {
        return ok ? ProbeResult.success("naver-map.http", "naver-map", vantage, at, 200, Timings.total(ms))
                : ProbeResult.failure("naver-map.http", "naver-map", vantage, at, ErrorClass.HTTP_5XX, 503, Timings.total(ms), "503");
    }

    @Test
    void keepsOnlyTheLastNResults() {
        for (int i = 1; i <= 8; i++) {
            windows.add(result("seoul", T0 + i * 1_000L, i <= 4, i * 10));
        }

        WindowStats w = windows.window("naver-map.http", "seoul", T0 + 9_000).orElseThrow();

        // The window holds results 4..8: one ok (4), four failing; latencies 40..80.
        assertThat(w).isEqualTo(new WindowStats(5, 1, 60, T0 + 8_000));
        assertThat(w.okRatio()).isEqualTo(0.2);
    }

    @Test
    void dropsResultsOlderThanTheMaximumAge() {
        windows.add(result("seoul", T0, false, 100));
        windows.add(result("seoul", T0 + 30_000, true, 10));
        windows.add(result("seoul", T0 + 50_000, true, 20));

        assertThat(windows.window("naver-map.http", "seoul", T0 + 70_000).orElseThrow())
                .isEqualTo(new WindowStats(2, 2, 10, T0 + 50_000));
        assertThat(windows.window("naver-map.http", "seoul", T0 + 200_000).orElseThrow().okRatio()).isNaN();
    }

    @Test
    void vantagesHaveSeparateWindows() {
        windows.add(result("seoul", T0, true, 10));
        windows.add(result("tokyo", T0, false, 90));

        assertThat(windows.series()).containsExactlyInAnyOrder(
                new WindowReader.SeriesId("naver-map.http", "seoul"), new WindowReader.SeriesId("naver-map.http", "tokyo"));
        assertThat(windows.window("naver-map.http", "tokyo", T0).orElseThrow().okCount()).isZero();
        assertThat(windows.window("naver-map.http", "busan", T0)).isEmpty();
    }

    @Test
    void idleWindowsAreEvicted() {
        windows.add(result("seoul", T0, true, 10));
        windows.add(result("tokyo", T0 + 50_000, true, 10));

        assertThat(windows.evictIdle(T0 + 70_000)).isEqualTo(1);
        assertThat(windows.series()).containsExactly(new WindowReader.SeriesId("naver-map.http", "tokyo"));
    }
}
