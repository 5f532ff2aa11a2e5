package dev.bongsu.aggregator.store.influx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded in-memory queue between callers and the writer thread. Callers never wait: beyond the hard limit
 * the newest points are refused (and counted by the caller). The writer takes batches and, during an outage,
 * spills the oldest points to disk.
 */
final class MemoryBuffer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<BufferedPoint> points = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final int hardLimit;
    private long accepted;
    private long done;
    private long firstArrivalNanos;
    private boolean closed;

    /** A buffer that refuses points beyond {@code hardLimit}. */
    MemoryBuffer(int hardLimit) {
        this.hardLimit = hardLimit;
    }

    private record Waiter(long position, Runnable onDone) {
    }

    /**
     * Adds points in order; returns how many did not fit (the newest ones). When all fit, {@code onDone} runs (on
     * the writer thread) once every one of them has been written or spilled to disk.
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
            if (fit == batch.size()) {
                waiters.addLast(new Waiter(accepted, onDone));
            }
            return batch.size() - fit;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that the next {@code n} points taken (in order) are settled — written, rejected for good, or spilled
     * — and runs the callbacks of the offers that are now wholly settled.
     */
    void settled(int n) {
        List<Runnable> ready = new ArrayList<>();
        lock.lock();
        try {
            done += n;
            while (!waiters.isEmpty() && waiters.peekFirst().position() <= done) {
                ready.add(waiters.pollFirst().onDone());
            }
        } finally {
            lock.unlock();
        }
        ready.forEach(Runnable::run);
    }

    /**
     * Waits until {@code batchSize} points are queued, the oldest has waited {@code maxWaitNanos}, or the buffer
     * is closed, then removes and returns up to {@code batchSize} of the oldest points (maybe none).
     */
    List<BufferedPoint> take(int batchSize, long maxWaitNanos) throws InterruptedException {
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
                    return List.of();
                }
            }
            return removeOldest(batchSize);
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns up to {@code max} of the oldest points without waiting. */
    List<BufferedPoint> removeOldest(int max) {
        lock.lock();
        try {
            int n = Math.min(max, points.size());
            List<BufferedPoint> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(points.pollFirst());
            }
            firstArrivalNanos = System.nanoTime();
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Puts points taken by {@link #removeOldest} back at the front, in their order (a spill that did not fit). */
    void returnOldest(List<BufferedPoint> taken) {
        lock.lock();
        try {
            for (int i = taken.size() - 1; i >= 0; i--) {
                points.addFirst(taken.get(i));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Makes every {@link #take}, now and later, return at once: the writer is draining. */
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
