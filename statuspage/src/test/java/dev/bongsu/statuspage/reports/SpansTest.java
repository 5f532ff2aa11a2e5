package dev.bongsu.statuspage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpansTest {
    @Test
    void unionMergesOverlappingAndTouchingSpansAndDropsEmptyOnes() {
        assertThat(Spans.union(List.of(new Span(50, 60), new Span(0, 10), new Span(10, 20), new Span(15, 30), new Span(40, 40))))
                .containsExactly(new Span(0, 30), new Span(50, 60));
    }

    @Test
    void intersectKeepsOnlyTimeInBoth() {
        List<Span> a = List.of(new Span(0, 10), new Span(20, 30));
        List<Span> b = List.of(new Span(5, 25));
        assertThat(Spans.intersect(a, b)).containsExactly(new Span(5, 10), new Span(20, 25));
    }

    @Test
    void minusCutsHolesOutOfSpans() {
        List<Span> a = List.of(new Span(0, 100));
        List<Span> b = List.of(new Span(10, 20), new Span(30, 40), new Span(90, 120));
        assertThat(Spans.minus(a, b)).containsExactly(new Span(0, 10), new Span(20, 30), new Span(40, 90));
        assertThat(Spans.minus(List.of(new Span(0, 10)), List.of())).containsExactly(new Span(0, 10));
    }

    @Test
    void overlapsFindsAnySharedTime() {
        List<Span> set = List.of(new Span(10, 20), new Span(40, 50));
        assertThat(Spans.overlaps(set, 0, 10)).isFalse();
        assertThat(Spans.overlaps(set, 0, 11)).isTrue();
        assertThat(Spans.overlaps(set, 20, 40)).isFalse();
        assertThat(Spans.overlaps(set, 49, 60)).isTrue();
        assertThat(Spans.overlaps(set, 50, 60)).isFalse();
    }

    @Test
    void perHourSplitsAtClockHours() {
        long h = Spans.HOUR_MS;
        assertThat(Spans.perHour(List.of(new Span(h - 30_000, h + 30_000), new Span(3 * h, 3 * h + 1000))))
                .containsExactly(java.util.Map.entry(0L, 30_000L), java.util.Map.entry(h, 30_000L), java.util.Map.entry(3 * h, 1000L));
    }

    @Test
    void longestIsTheEarliestOfEquals() {
        assertThat(Spans.longest(List.of(new Span(0, 5), new Span(10, 15), new Span(20, 22)))).contains(new Span(0, 5));
        assertThat(Spans.longest(List.of())).isEmpty();
    }
}
