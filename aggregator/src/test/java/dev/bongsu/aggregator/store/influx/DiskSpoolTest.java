package dev.bongsu.aggregator.store.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
    @TempDir
    Path dir;

    static List<BufferedPoint> points(String rp, int from, int n) {
        return IntStream.range(from, from + n).mapToObj(i -> new BufferedPoint(rp, "probe v=" + i + " " + i)).toList();
    }

    static List<BufferedPoint> drain(DiskSpool spool, int batch) throws IOException {
        List<BufferedPoint> out = new ArrayList<>();
        List<BufferedPoint> next;
        while (!(next = spool.peek(batch)).isEmpty()) {
            out.addAll(next);
            spool.consume(next.size());
        }
        return out;
    }

    @Test
    void givesPointsBackInOrderAcrossSegmentsAndPoliciesAndDeletesWrittenSegments() throws IOException {
        DiskSpool spool = DiskSpool.open(dir, 1 << 20);
        List<BufferedPoint> all = new ArrayList<>(points("raw", 0, 5));
        all.addAll(points("rollups", 5, 2));
        all.addAll(points("raw", 7, 3));
        spool.append(all);
        spool.append(points("raw", 10, 4));

        assertThat(spool.points()).isEqualTo(14);
        assertThat(spool.segments()).isEqualTo(4);
        assertThat(drain(spool, 3)).containsExactlyElementsOf(concat(all, points("raw", 10, 4)));
        assertThat(spool.isEmpty()).isTrue();
        assertThat(spool.points()).isZero();
        assertThat(spool.bytes()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aRestartTakesUpWhatWasLeftAndDiscardsAnInterruptedSpill() throws IOException {
        DiskSpool first = DiskSpool.open(dir, 1 << 20);
        first.append(points("raw", 0, 4));
        first.append(points("rollups", 4, 2));
        Files.writeString(dir.resolve("1000000000000002-raw.lp.tmp"), "probe v=99 99\nprobe v=1");

        DiskSpool second = DiskSpool.open(dir, 1 << 20);

        assertThat(second.points()).isEqualTo(6);
        second.append(points("raw", 6, 1));
        assertThat(drain(second, 100)).containsExactlyElementsOf(concat(points("raw", 0, 4), concat(points("rollups", 4, 2), points("raw", 6, 1))));
        assertThat(dir.resolve("1000000000000002-raw.lp.tmp")).doesNotExist();
    }

    @Test
    void prependedPointsComeFirstAndAPartlyWrittenHeadIsReadAgain() throws IOException {
        DiskSpool spool = DiskSpool.open(dir, 1 << 20);
        spool.append(points("raw", 10, 4));
        spool.consume(spool.peek(2).size());
        spool.prepend(points("raw", 0, 3));

        assertThat(spool.points()).isEqualTo(7);
        assertThat(drain(spool, 2)).containsExactlyElementsOf(concat(points("raw", 0, 3), points("raw", 10, 4)));
        assertThat(DiskSpool.open(dir, 1 << 20).isEmpty()).isTrue();
    }

    @Test
    void saysWhenItIsFull() throws IOException {
        DiskSpool spool = DiskSpool.open(dir, 100);
        assertThat(spool.isFull()).isFalse();
        spool.append(points("raw", 0, 10));
        assertThat(spool.isFull()).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(spool.bytes()).isEqualTo(Files.size(files.findFirst().orElseThrow()));
        }
    }

    static List<BufferedPoint> concat(List<BufferedPoint> a, List<BufferedPoint> b) {
        List<BufferedPoint> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
