package dev.bongsu.detector.evaluate;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.ServiceConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Turns a scenario into the probe results its vantages would report, in virtual time: every check probed once per
 * interval from every vantage (phases spread over the interval), results batched per vantage as a probe node does.
 */
public final class ProbeGenerator {
    /** Virtual time zero of every scenario. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final double REFUSE_MS = 1;

    /** Results arriving at the detector together, from one vantage. */
    public record Delivery(Duration at, String vantage, List<ProbeResult> results) {
    }

    /** Every delivery of the scenario, in time order. */
    public List<Delivery> deliveries(Scenario s) {
        long interval = s.interval().toMillis();
        long timeout = s.timeout().toMillis();
        long batch = s.batchInterval().toMillis();
        long end = s.duration().toMillis();
        Random random = new Random(s.name().hashCode());
        int nv = s.vantages().size();
        int ns = s.fleet().size();
        Map<Long, Map<String, List<ProbeResult>>> byTime = new TreeMap<>();
        for (int vi = 0; vi < nv; vi++) {
            String vantage = s.vantages().get(vi);
            for (int si = 0; si < ns; si++) {
                ServiceConfig service = s.fleet().get(si);
                String checkId = service.checks().get(0).id();
                double baseMs = 30 + 7 * si;
                long phase = (vi * interval / nv + si * interval / ((long) ns * nv)) % interval;
                for (long t = phase; t < end; t += interval) {
                    ScenarioFault fault = active(s, service.id(), vantage, t);
                    if (fault != null && fault.kind() == FaultKind.SILENT) {
                        continue;
                    }
                    double jitter = 1 + (random.nextDouble() - 0.5) * 0.3;
                    ProbeResult r;
                    double took;
                    long startedAt = EPOCH.toEpochMilli() + t;
                    if (fault == null) {
                        took = baseMs * jitter;
                        r = ProbeResult.success(checkId, service.id(), vantage, startedAt, 200, Timings.total(took));
                    } else {
                        switch (fault.kind()) {
                            case REFUSE -> {
                                took = REFUSE_MS;
                                r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.CONNECT_REFUSED,
                                        0, Timings.total(took), "connection refused");
                            }
                            case TIMEOUT -> {
                                took = timeout;
                                r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.CONNECT_TIMEOUT,
                                        0, Timings.total(took), "no answer within " + timeout + " ms");
                            }
                            case HTTP_5XX -> {
                                took = baseMs * jitter;
                                r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.HTTP_5XX,
                                        503, Timings.total(took), "status 503");
                            }
                            default -> {
                                took = fault.latencyMs() * jitter;
                                if (took >= timeout) {
                                    took = timeout;
                                    r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.READ_TIMEOUT,
                                            200, Timings.total(took), "no complete answer within " + timeout + " ms");
                                } else {
                                    r = ProbeResult.success(checkId, service.id(), vantage, startedAt, 200, Timings.total(took));
                                }
                            }
                        }
                    }
                    long arrival = t + (long) Math.ceil(took);
                    long deliverAt = batch == 0 ? arrival : ((arrival + batch - 1) / batch) * batch;
                    if (deliverAt < end) {
                        byTime.computeIfAbsent(deliverAt, k -> new TreeMap<>())
                                .computeIfAbsent(vantage, k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        List<Delivery> out = new ArrayList<>();
        byTime.forEach((at, perVantage) -> perVantage.forEach((v, results) -> {
            results.sort(Comparator.comparingLong(ProbeResult::startedAt));
            out.add(new Delivery(Duration.ofMillis(at), v, results));
        }));
        return out;
    }

    private static ScenarioFault active(Scenario s, String service, String vantage, long t) {
        for (ScenarioFault f : s.faults()) {
            if (f.affects(service, vantage, Duration.ofMillis(t))) {
                return f;
            }
        }
        return null;
    }
}
