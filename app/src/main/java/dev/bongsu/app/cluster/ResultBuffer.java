package dev.bongsu.app.cluster;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Result batches a probe node holds while no server is reachable: bounded by a number of results, oldest first out;
 * when full, the oldest results are dropped and counted. Not thread-safe: one event loop owns it.
 */
public final class ResultBuffer {
    private final int maxResults;
    private final Deque<ResultBatch> batches = new ArrayDeque<>();
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

    /** Adds a batch at the end; returns how many of the oldest results had to be dropped to make room. */
    public int add(ResultBatch batch) {
        bufferedTotal += batch.results().size();
        batches.addLast(batch);
        results += batch.results().size();
        return trim();
    }

    /** Puts a batch back at the front (it could not be sent); returns how many results were dropped. */
    public int putBack(ResultBatch batch) {
        batches.addFirst(batch);
        results += batch.results().size();
        return trim();
    }

    /**
     * Removes and returns the oldest results, whole batches of one vantage merged into one batch of at most
     * {@code maxResults} (a single larger batch is returned whole); {@code null} when empty.
     */
    public ResultBatch take(int maxResults) {
        ResultBatch first = batches.pollFirst();
        if (first == null) {
            return null;
        }
        List<ProbeResult> merged = new ArrayList<>(first.results());
        while (!batches.isEmpty() && batches.peekFirst().vantage().equals(first.vantage())
                && merged.size() + batches.peekFirst().results().size() <= maxResults) {
            merged.addAll(batches.pollFirst().results());
        }
        results -= merged.size();
        return new ResultBatch(first.vantage(), merged);
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

    private int trim() {
        int dropped = 0;
        while (results > maxResults) {
            ResultBatch oldest = batches.pollFirst();
            int excess = results - maxResults;
            if (oldest.results().size() <= excess) {
                dropped += oldest.results().size();
                results -= oldest.results().size();
            } else {
                List<ProbeResult> rest = oldest.results();
                batches.addFirst(new ResultBatch(oldest.vantage(), rest.subList(excess, rest.size())));
                dropped += excess;
                results -= excess;
            }
        }
        droppedTotal += dropped;
        return dropped;
    }
}
