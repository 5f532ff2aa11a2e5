package dev.bongsu.probes.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Holds a run's result back until every earlier run of the same check has finished, so each check's results leave
 * in the order its runs started, even when a run that hangs until its timeout finishes after a later, quicker one
 * (a consumer that drops a result older than the newest one of its check would otherwise lose the hang). A result
 * waits at most until the earlier runs' deadlines. Not thread-safe: one owner drives it.
 *
 * @param <R> the result type
 */
public final class ResultOrder<R> {
    private final Map<String, ArrayDeque<Pending<R>>> byCheck = new HashMap<>();
    private int held;

    /** Notes that run {@code serial} of {@code checkId} started; runs of one check must be noted in start order. */
    public void started(String checkId, long serial) {
        byCheck.computeIfAbsent(checkId, k -> new ArrayDeque<>()).addLast(new Pending<>(serial));
    }

    /**
     * Takes the result of run {@code serial} of {@code checkId} and returns the results now free to leave, oldest
     * start first: none while an earlier run of the check is still in flight. A run never noted as started, or
     * finished twice, is passed straight through, so no result is ever lost.
     */
    public List<R> finished(String checkId, long serial, R result) {
        ArrayDeque<Pending<R>> runs = byCheck.get(checkId);
        Pending<R> run = runs == null ? null : find(runs, serial);
        if (run == null || run.result != null) {
            return List.of(result);
        }
        run.result = result;
        held++;
        List<R> out = new ArrayList<>(1);
        while (!runs.isEmpty() && runs.peekFirst().result != null) {
            out.add(runs.pollFirst().result);
            held--;
        }
        if (runs.isEmpty()) {
            byCheck.remove(checkId);
        }
        return out;
    }

    /** Results finished and held back behind an earlier run still in flight. */
    public int held() {
        return held;
    }

    /** Runs noted as started whose result has not left yet (in flight or held back). */
    public int pending() {
        int n = 0;
        for (ArrayDeque<Pending<R>> runs : byCheck.values()) {
            n += runs.size();
        }
        return n;
    }

    private static <R> Pending<R> find(ArrayDeque<Pending<R>> runs, long serial) {
        for (Iterator<Pending<R>> it = runs.iterator(); it.hasNext(); ) {
            Pending<R> p = it.next();
            if (p.serial == serial) {
                return p;
            }
        }
        return null;
    }

    private static final class Pending<R> {
        final long serial;
        R result;

        Pending(long serial) {
            this.serial = serial;
        }
    }
}
