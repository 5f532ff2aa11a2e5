package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.Rollup;
import dev.bongsu.statuspage.support.FakeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Made-up minute rollups: 12 probes a minute from each vantage, of which a given share fails, for some services. */
final class PerVantage implements FakeHistory.RollupSource {
    static final int PER_MINUTE = 12;
    private final Set<String> services;
    private final Map<String, Double> failingShare;

    /** Rollups for {@code services}, each vantage failing the given share of its probes (0 works, 1 fails). */
    PerVantage(Set<String> services, Map<String, Double> failingShare) {
        this.services = Set.copyOf(services);
        this.failingShare = Map.copyOf(failingShare);
    }

    @Override
    public List<Rollup> rollups(String serviceId, Instant from, Instant to) {
        List<Rollup> out = new ArrayList<>();
        if (!services.contains(serviceId)) {
            return out;
        }
        long first = Math.floorDiv(from.toEpochMilli() + 59_999, 60_000) * 60_000;
        for (long m = first; m < to.toEpochMilli(); m += 60_000) {
            for (var e : failingShare.entrySet()) {
                int failed = (int) Math.round(PER_MINUTE * e.getValue());
                out.add(new Rollup(serviceId + "-https", serviceId, e.getKey(), m, PER_MINUTE, PER_MINUTE - failed, 40, 80, 90, 120,
                        failed == 0 ? Map.of() : Map.of("connect_refused", failed)));
            }
        }
        return out;
    }
}
