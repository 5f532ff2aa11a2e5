package dev.bongsu.detector.evaluate;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.FleetService;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.model.scenario.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Turns a scenario into what its vantages would report, in virtual time: every check probed once per interval from
 * every vantage (phases spread over the interval), results batched per vantage as a probe node does, and each probe
 * node's load figures once per interval.
 */
public final class ProbeGenerator {
    /** Virtual time zero of every scenario. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final double REFUSE_MS = 1;
    /** A probe that cannot get a socket fails before anything leaves the host. */
    private static final double LOCAL_MS = 0.1;
    private static final double MIN_LATENCY_MS = 5;

    /** Results arriving at the detector together, from one vantage. */
    public record Delivery(Duration at, String vantage, List<ProbeResult> results) {
    }

    /** A probe node's load report: whether it is overloaded and how far behind it runs (p99). */
    public record NodeStats(Duration at, String vantage, String node, boolean overloaded, long lagP99Ms) {
    }

    /** Every delivery of the scenario, in time order. */
    public List<Delivery> deliveries(Scenario s) {
        long interval = s.interval().toMillis();
        long batch = s.batchInterval().toMillis();
        long end = s.duration().toMillis();
        Random random = new Random(s.name().hashCode());
        int nv = s.vantages().size();
        List<FleetService> fleet = s.fleet().services();
        int ns = fleet.size();
        Map<Long, Map<String, List<ProbeResult>>> byTime = new TreeMap<>();
        for (int vi = 0; vi < nv; vi++) {
            String vantage = s.vantages().get(vi);
            for (int si = 0; si < ns; si++) {
                FleetService service = fleet.get(si);
                long phase = (vi * interval / nv + si * interval / ((long) ns * nv)) % interval;
                for (long t = phase; t < end; t += interval) {
                    Duration offset = Duration.ofMillis(t);
                    Fault fault = serviceFault(s, service, vantage, offset);
                    Fault.Overload overload = overload(s, vantage, offset);
                    if (fault instanceof Fault.Silent) {
                        continue;
                    }
                    long lag = overload == null ? 0 : overload.lag().toMillis();
                    Probe p = probe(s, service, fault, t, lag, vantage, random.nextDouble());
                    long deliverAt = batch == 0 ? p.arrival : ((p.arrival + batch - 1) / batch) * batch;
                    if (deliverAt < end) {
                        byTime.computeIfAbsent(deliverAt, k -> new TreeMap<>())
                                .computeIfAbsent(vantage, k -> new ArrayList<>()).add(p.result);
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

    /** Every probe node's load report, one per vantage and interval, in time order; none from a silent node. */
    public List<NodeStats> nodeStats(Scenario s) {
        List<NodeStats> out = new ArrayList<>();
        for (long t = s.interval().toMillis(); t < s.duration().toMillis(); t += s.interval().toMillis()) {
            for (String v : s.vantages()) {
                if (silent(s, v, Duration.ofMillis(t))) {
                    continue;
                }
                Fault.Overload o = overload(s, v, Duration.ofMillis(t));
                out.add(new NodeStats(Duration.ofMillis(t), v, v + "-1", o != null, o == null ? 20 : o.lag().toMillis()));
            }
        }
        return out;
    }

    private record Probe(ProbeResult result, long arrival) {
    }

    private static Probe probe(Scenario s, FleetService service, Fault fault, long t, long lag, String vantage, double draw) {
        String checkId = ServiceConfigs.checkId(service);
        long timeout = s.timeout().toMillis();
        double jitter = 1 + (draw - 0.5) * 0.3;
        double baseMs = Math.max(MIN_LATENCY_MS, service.medianLatency().toMillis()) * jitter;
        long startedAt = EPOCH.toEpochMilli() + t + lag;
        double took;
        ProbeResult r;
        if (fault instanceof Fault.Exhausted) {
            took = LOCAL_MS + lag;
            r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.LOCAL_RESOURCE, 0,
                    Timings.total(took), "probe of " + checkId + " could not run on this host: Too many open files");
        } else if (fault instanceof Fault.Refuse) {
            took = REFUSE_MS + lag;
            r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.CONNECT_REFUSED, 0,
                    Timings.total(took), "connection refused");
        } else if (fault instanceof Fault.Hang) {
            took = timeout;
            r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.CONNECT_TIMEOUT, 0,
                    Timings.total(took), "no answer within " + timeout + " ms");
        } else if (fault instanceof Fault.ServerError e) {
            took = baseMs + lag;
            r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.HTTP_5XX, e.status(),
                    Timings.total(took), "status " + e.status());
        } else {
            took = baseMs + lag + (fault instanceof Fault.Slow slow ? slow.delay().toMillis() : 0);
            if (took >= timeout) {
                took = timeout;
                r = ProbeResult.failure(checkId, service.id(), vantage, startedAt, ErrorClass.READ_TIMEOUT, 200,
                        Timings.total(took), "no complete answer within " + timeout + " ms");
            } else {
                r = ProbeResult.success(checkId, service.id(), vantage, startedAt, 200, Timings.total(took));
            }
        }
        return new Probe(r, t + lag + (long) Math.ceil(took) + lag);
    }

    /**
     * The fault a probe meets: the last step in force on this service seen from this vantage (a flap resolved to its
     * phase), or a silent or exhausted prober; {@code null} when the probe succeeds normally.
     */
    private static Fault serviceFault(Scenario s, FleetService service, String vantage, Duration offset) {
        Fault found = null;
        for (Step step : s.steps()) {
            if (step.fault() instanceof Fault.Overload) {
                continue;
            }
            Fault f = step.faultFor(service, vantage, offset);
            if (f instanceof Fault.Silent || f instanceof Fault.Exhausted) {
                return f;
            }
            if (f != null || (step.fault() instanceof Fault.Flap && step.activeAt(offset) && step.target().matches(service)
                    && step.target().seenFrom(vantage))) {
                found = f;
            }
        }
        return found;
    }

    private static Fault.Overload overload(Scenario s, String vantage, Duration offset) {
        for (Step step : s.steps()) {
            if (step.fault() instanceof Fault.Overload o && step.activeAt(offset) && step.target().seenFrom(vantage)) {
                return o;
            }
        }
        return null;
    }

    /** Whether the probe node of this vantage sends nothing at all at {@code offset} (a silent prober). */
    private static boolean silent(Scenario s, String vantage, Duration offset) {
        for (Step step : s.steps()) {
            if (step.fault() instanceof Fault.Silent && step.activeAt(offset) && step.target().seenFrom(vantage)) {
                return true;
            }
        }
        return false;
    }
}
