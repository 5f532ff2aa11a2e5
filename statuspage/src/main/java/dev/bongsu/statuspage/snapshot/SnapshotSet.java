package dev.bongsu.statuspage.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * Every pre-rendered answer of one build, by key, and when it was built.
 *
 * @param builtAt when the data behind it was read
 * @param byKey   the answers, keyed by {@link SnapshotKeys}
 */
public record SnapshotSet(Instant builtAt, Map<String, Snapshot> byKey) {
    public SnapshotSet {
        byKey = Map.copyOf(byKey);
    }

    /** An empty set, before the first build. */
    public static SnapshotSet empty() {
        return new SnapshotSet(Instant.EPOCH, Map.of());
    }

    /** The answer under a key, or {@code null}. */
    public Snapshot get(String key) {
        return byKey.get(key);
    }
}
