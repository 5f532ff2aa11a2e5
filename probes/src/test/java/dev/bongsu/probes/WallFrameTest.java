package dev.bongsu.probes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WallFrameTest {
    private static final long EPOCH = 1_767_225_600_000L;
    private static final long HOUR = 3_600_000;

    @Test
    void aFrameReadsTheWallClockAsItWasPlusTheMonotonicTimeSinceWhateverTheWallClockDidMeanwhile() {
        AtomicLong wall = new AtomicLong(EPOCH - HOUR);
        AtomicLong monotonic = new AtomicLong(5_000);
        ProbeClock clock = ProbeClock.of(wall::get, monotonic::get);
        WallFrame behind = WallFrame.now(clock);

        // the wall clock is set right 200 ms later; the frame goes on reading 1 h behind
        monotonic.addAndGet(200);
        wall.set(EPOCH + 200);
        assertThat(behind).isEqualTo(new WallFrame(EPOCH - HOUR, 5_000));
        assertThat(behind.wallAt(clock.monotonicMs())).isEqualTo(EPOCH - HOUR + 200);
        assertThat(behind.wallAt(clock.monotonicMs() + 60_000)).isEqualTo(EPOCH - HOUR + 60_200);
        assertThat(WallFrame.now(clock).wallAt(clock.monotonicMs())).isEqualTo(EPOCH + 200);
    }

    @Test
    void framesAreTheSameUnlessTheWallClockMovedMoreThanASecondAgainstTheMonotonicClockBetweenThem() {
        WallFrame first = new WallFrame(EPOCH, 1_000);
        assertThat(first.sameAs(new WallFrame(EPOCH + 9_000, 10_000))).isTrue();
        assertThat(first.sameAs(new WallFrame(EPOCH + 10_000, 10_000))).as("1 s of drift").isTrue();
        assertThat(first.sameAs(new WallFrame(EPOCH + 10_001, 10_000))).isFalse();
        assertThat(first.sameAs(new WallFrame(EPOCH + 9_000 - HOUR, 10_000))).isFalse();
        assertThat(new WallFrame(EPOCH + 9_000 - HOUR, 10_000).sameAs(first)).isFalse();
    }

    @Test
    void aFrameTravelsInTwoHeadersAndHeadersWithoutOneCarryNone() {
        WallFrame frame = new WallFrame(EPOCH, 42);
        assertThat(FrameHeaders.read(FrameHeaders.options(frame).getHeaders())).isEqualTo(frame);
        assertThat(FrameHeaders.read(MultiMap.caseInsensitiveMultiMap())).isNull();
        assertThat(FrameHeaders.read(MultiMap.caseInsensitiveMultiMap().add(FrameHeaders.WALL, "1").add(FrameHeaders.MONOTONIC, "x")))
                .isNull();
    }

    @Test
    void everySystemClockOfAProcessReadsTheSameMonotonicTime() {
        assertThat(ProbeClock.system()).isSameAs(ProbeClock.system());
    }
}
