package dev.bongsu.statuspage.subscribe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * At most {@code perHour} subscription requests per client address in any hour (a sliding window), with time as an
 * input. Kept in memory only (client addresses are personal data too) and bounded: past {@code maxClients} tracked
 * addresses, those with nothing in the last hour are forgotten, and if that frees nothing a new address is refused
 * (a flood from very many addresses then meets the global cap of pending rows anyway). Thread-safe.
 */
public final class ClientRequestLimit {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final int maxClients;
    private final Map<String, Deque<Instant>> byClient = new HashMap<>();

    /** A limit of {@code perHour} requests per client, tracking at most {@code maxClients} clients. */
    public ClientRequestLimit(int perHour, int maxClients) {
        this.perHour = perHour;
        this.maxClients = maxClients;
    }

    /** Counts a request from {@code client} at {@code now}; false (and not counted) when it is over the limit. */
    public synchronized boolean tryAcquire(String client, Instant now) {
        Instant since = now.minus(WINDOW);
        Deque<Instant> times = byClient.get(client);
        if (times == null) {
            if (byClient.size() >= maxClients) {
                forgetQuiet(since);
                if (byClient.size() >= maxClients) {
                    return false;
                }
            }
            times = new ArrayDeque<>();
            byClient.put(client, times);
        }
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** How many client addresses are tracked now. */
    public synchronized int tracked() {
        return byClient.size();
    }

    private void forgetQuiet(Instant since) {
        for (Iterator<Deque<Instant>> it = byClient.values().iterator(); it.hasNext(); ) {
            Deque<Instant> d = it.next();
            if (d.isEmpty() || !d.peekLast().isAfter(since)) {
                it.remove();
            }
        }
    }
}
