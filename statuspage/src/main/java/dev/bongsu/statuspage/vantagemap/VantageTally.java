package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.Rollup;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one vantage measured over a window: probes and how many of them failed, summed over checks (and services).
 *
 * @param vantage the vantage name
 * @param total   probes
 * @param failed  probes that did not pass
 */
public record VantageTally(String vantage, long total, long failed) {
    public VantageTally {
        if (total < 0 || failed < 0 || failed > total) {
            throw new IllegalArgumentException("a tally needs 0 <= failed <= total, got " + failed + "/" + total);
        }
    }

    /** The rollups summed per vantage, in the order vantages first appear. */
    public static Map<String, VantageTally> sum(Collection<Rollup> rollups) {
        Map<String, VantageTally> out = new LinkedHashMap<>();
        for (Rollup r : rollups) {
            int failed = Math.max(0, r.count() - r.okCount());
            out.merge(r.vantage(), new VantageTally(r.vantage(), r.count(), Math.min(failed, r.count())), VantageTally::plus);
        }
        return out;
    }

    /** This tally and another of the same vantage together. */
    public VantageTally plus(VantageTally o) {
        return new VantageTally(vantage, total + o.total, failed + o.failed);
    }
}
