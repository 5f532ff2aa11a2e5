package dev.bongsu.app.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * How far each probe node's clock is from this server's, judged per batch from the node's clock reading when it
 * sent the batch and the server's when it arrived. Within {@link #TOLERANCE_MS} a node's probe times are kept; past
 * it, results are shifted by the difference, so they land in the minute the server lived them in (a result that
 * waited in the node's buffer keeps its age). Pure: both times are inputs.
 */
public final class ClockSkew {
    /** Clock differences up to this are left alone: transit and scheduling take milliseconds, NTP keeps clocks closer. */
    public static final long TOLERANCE_MS = 5_000;

    private final Map<String, Long> skewed = new HashMap<>();

    /**
     * The correction for one batch from {@code node}: milliseconds to add to its probe times (0 within tolerance),
     * and whether the node just went out of, or back into, tolerance.
     */
    public Correction observe(String node, long nodeSentAt, long serverNow) {
        long offset = serverNow - nodeSentAt;
        boolean off = Math.abs(offset) > TOLERANCE_MS;
        boolean was = skewed.containsKey(node);
        if (off) {
            skewed.put(node, offset);
        } else {
            skewed.remove(node);
        }
        Change change = off == was ? Change.NONE : off ? Change.SKEWED : Change.CORRECTED;
        return new Correction(off ? offset : 0, -offset, change);
    }

    /**
     * The probe time to keep for one result of a batch: shifted by the correction (every result of a batch is in the
     * wall-clock frame of its send time, however long it waited on the node), and never more than the tolerance
     * ahead of the server's clock.
     */
    public static long stamp(long startedAt, Correction c, long serverNow) {
        long shifted = startedAt + c.shiftMs();
        return shifted > serverNow + TOLERANCE_MS ? serverNow : shifted;
    }

    /** The nodes out of tolerance now, with the milliseconds their clocks are ahead (negative: behind). */
    public Map<String, Long> skewedNodes() {
        Map<String, Long> out = new HashMap<>();
        skewed.forEach((node, offset) -> out.put(node, -offset));
        return out;
    }

    /** What changed for a node with this batch. */
    public enum Change { NONE, SKEWED, CORRECTED }

    /**
     * The shift to apply to a batch's probe times.
     *
     * @param shiftMs  milliseconds to add to each probe time (0: keep them)
     * @param aheadMs  how far the node's clock is ahead of the server's (negative: behind), whatever the tolerance
     * @param change   whether the node went out of or back into tolerance with this batch
     */
    public record Correction(long shiftMs, long aheadMs, Change change) {
    }
}
