package dev.bongsu.app.web;

import java.util.HashMap;
import java.util.Map;

/**
 * The accounting behind the public listener's connection caps, shared by every listener instance: how many
 * connections are open in all and per client address, and whether one more may be admitted. Thread-safe; no I/O.
 */
public final class ConnectionBudget {
    /** What becomes of a new connection. */
    public enum Verdict {
        /** Admitted. */
        ADMITTED,
        /** Refused: its client already holds its share. */
        OVER_CLIENT_CAP,
        /** Refused: every connection of the listener is taken. */
        OVER_TOTAL_CAP
    }

    /** Counters since start: open and peak connections, admissions, refusals and connections shed for newer ones. */
    public record Snapshot(int open, int peak, long admitted, long refusedTotal, long refusedClient, long shed) {
        /** Every refusal. */
        public long refused() {
            return refusedTotal + refusedClient;
        }
    }

    private final int maxTotal;
    private final int maxPerClient;
    private final Map<String, Integer> perClient = new HashMap<>();
    private int open;
    private int peak;
    private long admitted;
    private long refusedTotal;
    private long refusedClient;
    private long shed;

    /** A budget of {@code maxTotal} connections, {@code maxPerClient} per client address (0: no per-client cap). */
    public ConnectionBudget(int maxTotal, int maxPerClient) {
        if (maxTotal < 1 || maxPerClient < 0) {
            throw new IllegalArgumentException("maxTotal must be at least 1 and maxPerClient at least 0");
        }
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
    }

    /** Admits one connection from {@code client} if both caps allow; a refusal is counted. */
    public synchronized Verdict admit(String client) {
        if (overClientCap(client)) {
            refusedClient++;
            return Verdict.OVER_CLIENT_CAP;
        }
        if (open >= maxTotal) {
            return Verdict.OVER_TOTAL_CAP;
        }
        take(client);
        open++;
        peak = Math.max(peak, open);
        return Verdict.ADMITTED;
    }

    /**
     * Admits a connection from {@code client} in place of an idle one from {@code victim} that the caller closes, so
     * the total stays the same; when the client is over its own cap nothing changes.
     */
    public synchronized Verdict admitInPlaceOf(String client, String victim) {
        if (!client.equals(victim) && overClientCap(client)) {
            refusedClient++;
            return Verdict.OVER_CLIENT_CAP;
        }
        give(victim);
        take(client);
        shed++;
        return Verdict.ADMITTED;
    }

    /** Counts a connection refused because the total cap was reached and no idle one could make room. */
    public synchronized void refusedOverTotal() {
        refusedTotal++;
    }

    /** Releases an admitted connection of {@code client}. */
    public synchronized void release(String client) {
        give(client);
        open--;
    }

    /** Connections {@code client} holds now. */
    public synchronized int heldBy(String client) {
        return perClient.getOrDefault(client, 0);
    }

    /** The counters now. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(open, peak, admitted, refusedTotal, refusedClient, shed);
    }

    /** The total cap. */
    public int maxTotal() {
        return maxTotal;
    }

    /** The per-client cap (0: none). */
    public int maxPerClient() {
        return maxPerClient;
    }

    private boolean overClientCap(String client) {
        return maxPerClient > 0 && perClient.getOrDefault(client, 0) >= maxPerClient;
    }

    private void take(String client) {
        perClient.merge(client, 1, Integer::sum);
        admitted++;
    }

    private void give(String client) {
        Integer held = perClient.get(client);
        if (held == null) {
            throw new IllegalStateException("no connection of " + client + " to release");
        }
        if (held == 1) {
            perClient.remove(client);
        } else {
            perClient.put(client, held - 1);
        }
    }
}
