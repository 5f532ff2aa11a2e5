package dev.bongsu.aggregator.store.influx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded in-memory queue between callers and the writer and spill threads. Callers never wait: beyond the
 * hard limit the newest points are refused (and counted by the caller). The writer takes batches from the front;
 * the spill thread moves the oldest points to disk when too many wait. Every point has a position (its arrival
 * number); an offer's callback runs once every position up to its last one is settled.
 */
final class MemoryBuffer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<BufferedPoint> points = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Settled ranges beyond {@link #settledUpTo}: start → end. */
    private final TreeMap<Long, Long> settledRanges = new TreeMap<>();
    private final int hardLimit;
    private long accepted;
    private long removed;
    private long settledUpTo;
    private long firstArrivalNanos;
    private boolean closed;

    /** A buffer that refuses points beyond {@code hardLimit}. */
    MemoryBuffer(int hardLimit) {
        this.hardLimit = hardLimit;
    }

    private record Waiter(long position, Runnable onDone) {
    }

    /** Points removed from the buffer together: positions {@code start .. start + points.size()}. */
    record Taken(List<BufferedPoint> points, long start) {
        static final Taken NONE = new Taken(List.of(), 0);

        boolean isEmpty() {
            return points.isEmpty();
        }

        int size() {
            return points.size();
        }
    }

    /**
     * Adds points in order; returns how many did not fit (the newest ones). When all fit, {@code onDone} runs (on
     * the writer or spill thread) once every one of them has been written or spilled to disk.
     */
    int offer(List<BufferedPoint> batch, Runnable onDone) {
        lock.lock();
        try {
            int room = Math.max(0, hardLimit - points.size());
            int fit = Math.min(room, batch.size());
            if (points.isEmpty() && fit > 0) {
                firstArrivalNanos = System.nanoTime();
            }
            for (int i = 0; i < fit; i++) {
                points.addLast(batch.get(i));
            }
            accepted += fit;
            if (fit > 0) {
                changed.signalAll();
            }
            if (fit == batch.size() && onDone != null) {
                waiters.addLast(new Waiter(accepted, onDone));
            }
            return batch.size() - fit;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code batchSize} points are queued, the oldest has waited {@code maxWaitNanos}, or the buffer
     * is closed, then removes and returns up to {@code batchSize} of the oldest points (maybe none).
     */
    Taken take(int batchSize, long maxWaitNanos) throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                if (points.size() >= batchSize) {
                    break;
                }
                long waitNanos = points.isEmpty() ? maxWaitNanos : firstArrivalNanos + maxWaitNanos - System.nanoTime();
                if (!points.isEmpty() && waitNanos <= 0) {
                    break;
                }
                changed.awaitNanos(waitNanos);
                if (points.isEmpty()) {
                    return Taken.NONE;
                }
            }
            return removeOldest(batchSize);
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns up to {@code max} of the oldest points without waiting. */
    Taken removeOldest(int max) {
        lock.lock();
        try {
            int n = Math.min(max, points.size());
            List<BufferedPoint> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(points.pollFirst());
            }
            Taken taken = new Taken(out, removed);
            removed += n;
            firstArrivalNanos = System.nanoTime();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until more than {@code threshold} points are queued, the buffer closes, or the timeout passes. */
    boolean awaitAbove(int threshold, long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = unit.toNanos(timeout);
            while (points.size() <= threshold && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return points.size() > threshold;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that taken points are settled — written, rejected for good, or spilled — and runs the callbacks of
     * the offers whose every point is now settled.
     */
    void settled(Taken taken) {
        if (taken.isEmpty()) {
            return;
        }
        List<Runnable> ready = new ArrayList<>();
        lock.lock();
        try {
            settledRanges.put(taken.start(), taken.start() + taken.size());
            Long end;
            while ((end = settledRanges.remove(settledUpTo)) != null) {
                settledUpTo = end;
            }
            while (!waiters.isEmpty() && waiters.peekFirst().position() <= settledUpTo) {
                ready.add(waiters.pollFirst().onDone());
            }
        } finally {
            lock.unlock();
        }
        ready.forEach(Runnable::run);
    }

    /** Runs every waiting callback now (InfluxDB is unreachable: buffered is as settled as it gets for a while). */
    void releaseWaiters() {
        List<Runnable> ready = new ArrayList<>();
        lock.lock();
        try {
            while (!waiters.isEmpty()) {
                ready.add(waiters.pollFirst().onDone());
            }
        } finally {
            lock.unlock();
        }
        ready.forEach(Runnable::run);
    }

    /** Makes every {@link #take} and {@link #awaitAbove}, now and later, return at once: the store is closing. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Points queued. */
    int size() {
        lock.lock();
        try {
            return points.size();
        } finally {
            lock.unlock();
        }
    }
}
