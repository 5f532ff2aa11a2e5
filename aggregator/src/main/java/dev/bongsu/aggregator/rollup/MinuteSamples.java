package dev.bongsu.aggregator.rollup;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every sample of one rollup cell, kept until the minute closes so its percentiles are exact. */
final class MinuteSamples {
    private final String serviceId;
    private double[] latencies = new double[16];
    private int count;
    private int okCount;
    private final EnumMap<ErrorClass, Integer> errors = new EnumMap<>(ErrorClass.class);

    MinuteSamples(String serviceId) {
        this.serviceId = serviceId;
    }

    void add(ProbeResult r) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = r.latencyMs();
        if (r.ok()) {
            okCount++;
        } else {
            errors.merge(r.error(), 1, Integer::sum);
        }
    }

    Rollup toRollup(MinuteKey key) {
        double[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        Map<String, Integer> errorCounts = new LinkedHashMap<>();
        errors.forEach((c, n) -> errorCounts.put(c.wireName(), n));
        return new Rollup(key.checkId(), serviceId, key.vantage(), key.minute(), count, okCount,
                Percentiles.nearestRank(sorted, count, 50),
                Percentiles.nearestRank(sorted, count, 95),
                Percentiles.nearestRank(sorted, count, 99),
                count == 0 ? Double.NaN : sorted[count - 1],
                errorCounts);
    }
}
