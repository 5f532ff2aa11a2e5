package dev.bongsu.aggregator;

import dev.bongsu.aggregator.rollup.MinuteKey;
import dev.bongsu.aggregator.rollup.MinuteRollups;
import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Recomputes minute rollups from the stored raw results, for minutes that late results reopened or that began
 * before the aggregator started. Reads one check-hour at a time, so a long backlog never floods the read pool.
 */
final class RollupRebuilder {
    private static final Logger LOG = Logger.getLogger(RollupRebuilder.class.getName());
    private static final long HOUR_MS = 3_600_000;
    private static final int READ_LIMIT = 200_000;

    private final HistoryReader reader;

    RollupRebuilder(HistoryReader reader) {
        this.reader = reader;
    }

    /** The recomputed rollups of {@code keys} that have stored raw results; minutes without any are left out. */
    Future<List<Rollup>> rebuild(Collection<MinuteKey> keys) {
        Map<CheckHour, List<MinuteKey>> byCheckHour = new TreeMap<>();
        for (MinuteKey k : keys) {
            byCheckHour.computeIfAbsent(new CheckHour(k.checkId(), Math.floorDiv(k.minute(), HOUR_MS) * HOUR_MS),
                    x -> new ArrayList<>()).add(k);
        }
        List<Rollup> out = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<CheckHour, List<MinuteKey>> e : byCheckHour.entrySet()) {
            chain = chain.compose(v -> rebuildCheckHour(e.getKey(), e.getValue()).map(out::addAll).mapEmpty());
        }
        return chain.map(v -> out);
    }

    private Future<List<Rollup>> rebuildCheckHour(CheckHour ch, List<MinuteKey> keys) {
        long from = keys.stream().mapToLong(MinuteKey::minute).min().orElseThrow();
        long to = keys.stream().mapToLong(MinuteKey::end).max().orElseThrow();
        return reader.results(ch.checkId, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), READ_LIMIT).map(results -> {
            if (results.size() == READ_LIMIT) {
                LOG.warning("rebuilding rollups of " + ch.checkId + " read only the first " + READ_LIMIT + " results of "
                        + Instant.ofEpochMilli(from) + ".." + Instant.ofEpochMilli(to) + "; later minutes may be incomplete");
            }
            Map<MinuteKey, List<ProbeResult>> byKey = new HashMap<>();
            for (ProbeResult r : results) {
                byKey.computeIfAbsent(MinuteKey.of(r), k -> new ArrayList<>()).add(r);
            }
            List<Rollup> rollups = new ArrayList<>();
            for (MinuteKey k : keys) {
                List<ProbeResult> raw = byKey.get(k);
                if (raw != null) {
                    rollups.add(MinuteRollups.summarize(k, raw.get(0).serviceId(), raw));
                }
            }
            return rollups;
        });
    }

    private record CheckHour(String checkId, long hour) implements Comparable<CheckHour> {
        @Override
        public int compareTo(CheckHour o) {
            int c = Long.compare(hour, o.hour);
            return c != 0 ? c : checkId.compareTo(o.checkId);
        }
    }
}
