package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Timings;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResultBufferTest {
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

        assertThat(buffer.add(batch("seoul", 0, 3))).isZero();
        assertThat(buffer.add(batch("seoul", 3, 3))).isZero();
        assertThat(buffer.add(batch("busan", 6, 2))).isZero();

        assertThat(buffer.results()).isEqualTo(8);
        ResultBatch first = buffer.take(10);
        assertThat(first.vantage()).isEqualTo("seoul");
        assertThat(times(first)).containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L);
        assertThat(buffer.take(10).vantage()).isEqualTo("busan");
        assertThat(buffer.take(10)).isNull();
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.results()).isZero();
        assertThat(buffer.bufferedTotal()).isEqualTo(8);
    }

    @Test
    void whenFullTheOldestResultsAreDroppedAndCounted() {
        ResultBuffer buffer = new ResultBuffer(5);
        buffer.add(batch("seoul", 0, 3));

        assertThat(buffer.add(batch("seoul", 3, 4))).isEqualTo(2);

        assertThat(buffer.results()).isEqualTo(5);
        assertThat(buffer.droppedTotal()).isEqualTo(2);
        assertThat(times(buffer.take(100))).containsExactly(2000L, 3000L, 4000L, 5000L, 6000L);
    }

    @Test
    void takeRespectsTheLimitButNeverSplitsABatch() {
        ResultBuffer buffer = new ResultBuffer(100);
        buffer.add(batch("seoul", 0, 4));
        buffer.add(batch("seoul", 4, 4));

        assertThat(buffer.take(5).results()).hasSize(4);
        assertThat(buffer.take(2).results()).hasSize(4);
    }

    @Test
    void aBatchPutBackComesOutFirst() {
        ResultBuffer buffer = new ResultBuffer(100);
        buffer.add(batch("seoul", 10, 2));

        buffer.putBack(batch("busan", 0, 2));

        assertThat(buffer.take(100).vantage()).isEqualTo("busan");
        assertThat(buffer.results()).isEqualTo(2);
    }

    @Test
    void aZeroBufferKeepsNothing() {
        ResultBuffer buffer = new ResultBuffer(0);

        assertThat(buffer.add(batch("seoul", 0, 3))).isEqualTo(3);
        assertThat(buffer.isEmpty()).isTrue();
    }
}
