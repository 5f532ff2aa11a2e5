package dev.bongsu.app.cluster;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.probes.WallFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Result batches a probe node holds while no server is reachable, each with the wall-clock frame its results were
 * stamped in: bounded by a number of results, oldest first out; when full, the oldest results are dropped and counted.
 * Batches are merged on the way out only within one vantage and one frame, so everything taken together can be sent
 * with one send time in its results' frame. Not thread-safe: one event loop owns it.
 */
public final class ResultBuffer {
    private final int maxResults;
    private final Deque<Held> batches = new ArrayDeque<>();
    private int results;
    private long bufferedTotal;
    private long droppedTotal;

    /** A buffer of at most {@code maxResults} results; 0 keeps nothing. */
    public ResultBuffer(int maxResults) {
        if (maxResults < 0) {
            throw new IllegalArgumentException("maxResults must be at least 0, found " + maxResults);
        }
        this.maxResults = maxResults;
    }

    /** Adds a batch stamped in {@code frame} at the end; returns how many of the oldest results had to be dropped to make room. */
    public int add(ResultBatch batch, WallFrame frame) {
        bufferedTotal += batch.results().size();
        batches.addLast(new Held(batch, frame));
        results += batch.results().size();
        return trim();
    }

    /** Puts a batch back at the front (it could not be sent); returns how many results were dropped. */
    public int putBack(Held held) {
        batches.addFirst(held);
        results += held.batch().results().size();
        return trim();
    }

    /**
     * Removes and returns the oldest results: whole batches of one vantage and one frame ({@link WallFrame#sameAs})
     * merged into one batch of at most {@code maxResults} (a single larger batch is returned whole), in the frame of
     * the first; {@code null} when empty.
     */
    public Held take(int maxResults) {
        Held first = batches.pollFirst();
        if (first == null) {
            return null;
        }
        List<ProbeResult> merged = new ArrayList<>(first.batch().results());
        while (!batches.isEmpty() && mergeable(first, batches.peekFirst(), merged.size(), maxResults)) {
            merged.addAll(batches.pollFirst().batch().results());
        }
        results -= merged.size();
        return new Held(new ResultBatch(first.batch().vantage(), merged), first.frame());
    }

    /** The most results it holds. */
    public int capacity() {
        return maxResults;
    }

    /** Whether nothing is held. */
    public boolean isEmpty() {
        return batches.isEmpty();
    }

    /** Results held now. */
    public int results() {
        return results;
    }

    /** Results ever added. */
    public long bufferedTotal() {
        return bufferedTotal;
    }

    /** Results ever dropped because the buffer was full. */
    public long droppedTotal() {
        return droppedTotal;
    }

    private static boolean mergeable(Held first, Held next, int size, int maxResults) {
        return next.batch().vantage().equals(first.batch().vantage()) && next.frame().sameAs(first.frame())
                && size + next.batch().results().size() <= maxResults;
    }

    private int trim() {
        int dropped = 0;
        while (results > maxResults) {
            Held oldest = batches.pollFirst();
            List<ProbeResult> rest = oldest.batch().results();
            int excess = results - maxResults;
            if (rest.size() <= excess) {
                dropped += rest.size();
                results -= rest.size();
            } else {
                batches.addFirst(new Held(new ResultBatch(oldest.batch().vantage(), rest.subList(excess, rest.size())), oldest.frame()));
                dropped += excess;
                results -= excess;
            }
        }
        droppedTotal += dropped;
        return dropped;
    }

    /**
     * A batch held, with the frame its results were stamped in.
     *
     * @param batch the results
     * @param frame their wall-clock frame, which the batch's send time is computed in
     */
    public record Held(ResultBatch batch, WallFrame frame) {
    }
}
