package dev.bongsu.statuspage.reports;

/**
 * A half-open stretch of time {@code [start, end)} in epoch milliseconds.
 *
 * @param start first millisecond inside
 * @param end   first millisecond after
 */
public record Span(long start, long end) {
    public Span {
        if (end < start) {
            throw new IllegalArgumentException("a span ends before it starts: " + start + " > " + end);
        }
    }

    /** Its length in milliseconds. */
    public long millis() {
        return end - start;
    }
}
