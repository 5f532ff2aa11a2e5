package dev.bongsu.probes.schedule;

import java.nio.charset.StandardCharsets;

/** A stable offset within an interval derived from a check id, so checks spread evenly and keep their slot. */
public final class Phase {
    private Phase() {
    }

    /** The phase of {@code id} in {@code [0, intervalMs)}, the same on every node and across restarts. */
    public static long of(String id, long intervalMs) {
        return Long.remainderUnsigned(hash(id), intervalMs);
    }

    /** The first slot {@code phase + k·interval} that is at or after {@code atOrAfterMs}. */
    public static long nextSlot(long phaseMs, long intervalMs, long atOrAfterMs) {
        long k = Math.floorDiv(atOrAfterMs - phaseMs + intervalMs - 1, intervalMs);
        return phaseMs + k * intervalMs;
    }

    /** 64-bit FNV-1a followed by a murmur3 finaliser, so similar ids land far apart. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
