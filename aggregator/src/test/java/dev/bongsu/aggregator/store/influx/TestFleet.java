package dev.bongsu.aggregator.store.influx;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.InfluxConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StorageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small fleet (two providers, one shared datacenter) and realistic results for it, for InfluxDB tests. */
public final class TestFleet {
    /** The vantages results come from. */
    public static final List<String> VANTAGES = List.of("seoul-kt", "busan-skb", "tokyo-aws");
    private static final ErrorClass[] FAILURES = {ErrorClass.CONNECT_REFUSED, ErrorClass.HTTP_5XX, ErrorClass.READ_TIMEOUT, ErrorClass.DNS};

    private TestFleet() {
    }

    /** kakaotalk, kakaobank (kakao, pangyo) and naver-map (naver, pangyo), each with an http and a tcp check. */
    public static List<ServiceConfig> services() {
        return List.of(
                service("kakaotalk", "kakao", "messenger", "pangyo"),
                service("kakaobank", "kakao", "bank", "pangyo"),
                service("naver-map", "naver", "map", "pangyo"));
    }

    private static ServiceConfig service(String id, String provider, String category, String dc) {
        return new ServiceConfig(id, new LocalizedText(id, id), provider, category, dc, "kr-central", List.of(), Set.of("provider"), List.of());
    }

    /** The check ids of a service. */
    public static List<String> checks(String serviceId) {
        return List.of(serviceId + ".http", serviceId + ".tcp");
    }

    /** Storage settings pointing at {@code url}, with the spool under {@code dir}. */
    public static StorageConfig storage(Path dir, String url, int batchSize, Duration flush, int memoryPoints) {
        return new StorageConfig(dir, "influx", Duration.ofHours(48), Duration.ofDays(400),
                new InfluxConfig(url, "bongsu", null, null, batchSize, flush, memoryPoints));
    }

    /**
     * One probe of every check from every vantage every {@code interval}, for {@code probes} rounds starting at
     * {@code start}; vantages are offset by a few ms, kakao fails with rotating error classes in the second half.
     */
    public static List<ProbeResult> results(long start, Duration interval, int probes) {
        List<ProbeResult> out = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            for (ServiceConfig s : services()) {
                for (String check : checks(s.id())) {
                    for (int v = 0; v < VANTAGES.size(); v++) {
                        long t = start + i * interval.toMillis() + v * 7L + (check.endsWith("tcp") ? 3 : 0);
                        boolean tcp = check.endsWith("tcp");
                        double total = 20 + (i * 7 + v * 13) % 40 + (tcp ? 0 : 15);
                        Timings timings = tcp ? new Timings(Timings.NOT_MEASURED, total, Timings.NOT_MEASURED, Timings.NOT_MEASURED, total)
                                : new Timings(2 + v, 5 + v, 8, total - 5, total);
                        boolean failing = s.provider().equals("kakao") && i >= probes / 2 && (i + v) % 3 != 0;
                        if (failing) {
                            ErrorClass e = FAILURES[(i + v) % FAILURES.length];
                            out.add(ProbeResult.failure(check, s.id(), VANTAGES.get(v), t, e, e == ErrorClass.HTTP_5XX ? 503 : 0,
                                    Timings.total(total), null));
                        } else {
                            ProbeResult r = ProbeResult.success(check, s.id(), VANTAGES.get(v), t, tcp ? 0 : 200, timings);
                            out.add(tcp ? r : r.withCertDaysLeft(40.5));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Minute rollups of results (nearest-rank percentiles), as the aggregator would compute them. */
    public static List<Rollup> rollups(List<ProbeResult> results) {
        Map<String, List<ProbeResult>> byKey = new LinkedHashMap<>();
        for (ProbeResult r : results) {
            long minute = r.startedAt() - Math.floorMod(r.startedAt(), 60_000L);
            byKey.computeIfAbsent(r.checkId() + "|" + r.vantage() + "|" + minute, k -> new ArrayList<>()).add(r);
        }
        List<Rollup> out = new ArrayList<>();
        for (List<ProbeResult> group : byKey.values()) {
            ProbeResult first = group.get(0);
            double[] lat = group.stream().mapToDouble(ProbeResult::latencyMs).sorted().toArray();
            Map<String, Integer> errors = new HashMap<>();
            group.stream().filter(r -> !r.ok()).forEach(r -> errors.merge(r.error().wireName(), 1, Integer::sum));
            out.add(new Rollup(first.checkId(), first.serviceId(), first.vantage(), first.startedAt() - Math.floorMod(first.startedAt(), 60_000L),
                    group.size(), (int) group.stream().filter(ProbeResult::ok).count(), rank(lat, 0.5), rank(lat, 0.95), rank(lat, 0.99),
                    Arrays.stream(lat).max().orElse(0), errors));
        }
        return out;
    }

    private static double rank(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
