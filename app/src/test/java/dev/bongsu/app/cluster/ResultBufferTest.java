package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Timings;
import dev.bongsu.probes.WallFrame;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultBufferTest {
    private static final long EPOCH = 1_767_225_600_000L;
    private static final long HOUR = 3_600_000;
    /** The frame of a node whose wall clock is right: epoch milliseconds at monotonic 0. */
    static final WallFrame RIGHT = new WallFrame(EPOCH, 0);

    static ResultBatch batch(String vantage, int from, int count) {
        return new ResultBatch(vantage, IntStream.range(from, from + count)
                .mapToObj(i -> ProbeResult.success("a.web", "a", vantage, 1_000L * i, 200, new Timings(0, 0, 0, 1, 1)))
                .toList());
    }

    static List<Long> times(ResultBatch b) {
        return b.results().stream().map(ProbeResult::startedAt).toList();
    }

    @Test
    void keepsEverythingWhileThereIsRoomAndMergesBatchesOnTake() {
        ResultBuffer buffer = new ResultBuffer(100);

        assertThat(buffer.add(batch("seoul", 0, 3), RIGHT)).isZero();
        assertThat(buffer.add(batch("seoul", 3, 3), RIGHT)).isZero();
        assertThat(buffer.add(batch("busan", 6, 2), RIGHT)).isZero();

        assertThat(buffer.results()).isEqualTo(8);
        ResultBatch first = buffer.take(10).batch();
        assertThat(first.vantage()).isEqualTo("seoul");
        assertThat(times(first)).containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L);
        assertThat(buffer.take(10).batch().vantage()).isEqualTo("busan");
        assertThat(buffer.take(10)).isNull();
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.results()).isZero();
        assertThat(buffer.bufferedTotal()).isEqualTo(8);
    }

    @Test
    void whenFullTheOldestResultsAreDroppedAndCounted() {
        ResultBuffer buffer = new ResultBuffer(5);
        buffer.add(batch("seoul", 0, 3), RIGHT);

        assertThat(buffer.add(batch("seoul", 3, 4), RIGHT)).isEqualTo(2);

        assertThat(buffer.results()).isEqualTo(5);
        assertThat(buffer.droppedTotal()).isEqualTo(2);
        assertThat(times(buffer.take(100).batch())).containsExactly(2000L, 3000L, 4000L, 5000L, 6000L);
    }

    @Test
    void takeRespectsTheLimitButNeverSplitsABatch() {
        ResultBuffer buffer = new ResultBuffer(100);
        buffer.add(batch("seoul", 0, 4), RIGHT);
        buffer.add(batch("seoul", 4, 4), RIGHT);

        assertThat(buffer.take(5).batch().results()).hasSize(4);
        assertThat(buffer.take(2).batch().results()).hasSize(4);
    }

    @Test
    void aBatchPutBackComesOutFirst() {
        ResultBuffer buffer = new ResultBuffer(100);
        buffer.add(batch("seoul", 10, 2), RIGHT);

        buffer.putBack(new ResultBuffer.Held(batch("busan", 0, 2), RIGHT));

        assertThat(buffer.take(100).batch().vantage()).isEqualTo("busan");
        assertThat(buffer.results()).isEqualTo(2);
    }

    @Test
    void aZeroBufferKeepsNothing() {
        ResultBuffer buffer = new ResultBuffer(0);

        assertThat(buffer.add(batch("seoul", 0, 3), RIGHT)).isEqualTo(3);
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void batchesOfDifferentWallClockFramesAreNeverMergedAndEachKeepsItsFrame() {
        ResultBuffer buffer = new ResultBuffer(100);
        WallFrame behind = new WallFrame(EPOCH - HOUR, 0);
        buffer.add(batch("busan", 0, 2), behind);
        buffer.add(batch("busan", 2, 2), new WallFrame(EPOCH - HOUR + 5_500, 5_000)); // the same frame, 500 ms of drift
        buffer.add(batch("busan", 4, 2), new WallFrame(EPOCH + 9_000, 9_000)); // the clock was set right meanwhile
        buffer.add(batch("busan", 6, 2), new WallFrame(EPOCH + 9_500, 9_000)); // 500 ms on: the same frame again

        ResultBuffer.Held first = buffer.take(100);
        assertThat(first.frame()).isEqualTo(behind);
        assertThat(times(first.batch())).containsExactly(0L, 1000L, 2000L, 3000L);
        ResultBuffer.Held second = buffer.take(100);
        assertThat(second.frame()).isEqualTo(new WallFrame(EPOCH + 9_000, 9_000));
        assertThat(times(second.batch())).containsExactly(4000L, 5000L, 6000L, 7000L);
        assertThat(buffer.take(100)).isNull();
    }

    @Test
    void aBatchCutWhenFullKeepsItsFrame() {
        ResultBuffer buffer = new ResultBuffer(3);
        WallFrame behind = new WallFrame(EPOCH - HOUR, 0);
        buffer.add(batch("busan", 0, 4), behind);

        ResultBuffer.Held rest = buffer.take(100);
        assertThat(rest.frame()).isEqualTo(behind);
        assertThat(times(rest.batch())).containsExactly(1000L, 2000L, 3000L);
    }
}
