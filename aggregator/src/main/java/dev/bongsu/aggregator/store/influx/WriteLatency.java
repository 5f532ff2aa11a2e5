package dev.bongsu.aggregator.store.influx;

import java.util.concurrent.atomic.AtomicLong;

/** Durations of write requests: count, total and the last one; thread-safe. */
final class WriteLatency {
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private volatile long lastNanos;

    /** Records one request that took {@code nanos}. */
    void record(long nanos) {
        count.incrementAndGet();
        totalNanos.addAndGet(nanos);
        lastNanos = nanos;
    }

    long count() {
        return count.get();
    }

    long totalMicros() {
        return totalNanos.get() / 1000;
    }

    double lastMillis() {
        return lastNanos / 1e6;
    }
}
