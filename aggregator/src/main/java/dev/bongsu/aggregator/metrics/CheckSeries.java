package dev.bongsu.aggregator.metrics;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.SeriesBudget;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-check series ({@code bongsu_check_*}, labels {@code service}, {@code check}, {@code vantage}), blackbox
 * exporter style: the last result of every configured check from every configured vantage. Only pairs the
 * configuration names get series — results for unknown checks or vantages are counted and dropped, so the number of
 * series is bounded by the configuration ({@link SeriesBudget}), never by what probe nodes send. A pair that has not
 * reported for {@link #staleAfter} loses its series. Time is an input; thread-safe (every method locks this object,
 * once per batch on the hot path).
 */
final class CheckSeries {
    private static final Duration MIN_STALE = Duration.ofMinutes(10);
    private static final int STALE_INTERVALS = 3;

    private final Gauge up;
    private final Gauge duration;
    private final Gauge lastResult;
    private final Gauge phase;
    private final Gauge certExpiry;
    private Map<String, CheckHandles> checks = Map.of();
    private boolean enabled;
    private long dropped;

    /** Registers the per-check gauges in {@code registry}; no series exist until {@link #configure} and results. */
    CheckSeries(PrometheusRegistry registry) {
        up = gauge(registry, "bongsu_check_up", "1 if the last probe of the check from the vantage passed, else 0");
        duration = gauge(registry, "bongsu_check_duration_seconds", "Total duration of the last probe of the check from the vantage, seconds");
        lastResult = gauge(registry, "bongsu_check_last_result_timestamp_seconds",
                "Start of the last probe of the check from the vantage, seconds since the epoch");
        certExpiry = gauge(registry, "bongsu_check_cert_expiry_timestamp_seconds",
                "When the certificate seen by the last probe of the check from the vantage expires, seconds since the epoch");
        phase = Gauge.builder().name("bongsu_check_phase_seconds")
                .help("Duration of each phase (dns, connect, tls, first_byte) of the last probe of the check from the vantage, seconds; "
                        + "0 when the phase did not happen in it")
                .labelNames("service", "check", "vantage", "phase").register(registry);
        CounterWithCallback.builder().name("bongsu_check_results_unconfigured_total")
                .help("Results for a check, or from a vantage, that the configuration does not name: they make no per-check series")
                .callback(cb -> cb.call(dropped())).register(registry);
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
        return Gauge.builder().name(name).help(help).labelNames("service", "check", "vantage").register(registry);
    }

    /**
     * Follows a configuration: pairs it no longer names (a removed check or vantage, a check moved to another service)
     * lose their series now; new pairs get theirs with their first result. {@code null} or {@code metrics.perCheck:
     * false} removes every per-check series.
     */
    synchronized void configure(BongsuConfig config) {
        Map<String, CheckHandles> next = new HashMap<>();
        enabled = config != null && config.http().metrics().perCheck();
        if (enabled) {
            for (CheckConfig c : config.checks()) {
                CheckHandles old = checks.get(c.id());
                CheckHandles kept = old != null && old.serviceId.equals(c.serviceId()) ? old : null;
                List<String> vantages = c.type() == CheckType.HEARTBEAT ? List.of(HeartbeatTarget.VANTAGE) : config.vantageNames();
                next.put(c.id(), new CheckHandles(c, vantages, kept));
            }
        }
        checks.forEach((id, old) -> old.releaseUnless(next.get(id)));
        checks = next;
    }

    /** Takes the results of one batch, received at {@code nowMs}. */
    synchronized void record(List<ProbeResult> results, long nowMs) {
        if (!enabled) {
            return;
        }
        for (ProbeResult r : results) {
            CheckHandles c = checks.get(r.checkId());
            PairSeries pair = c == null ? null : c.vantages.get(r.vantage());
            if (pair == null) {
                dropped++;
                continue;
            }
            pair.record(r, nowMs);
        }
    }

    /** Removes the series of pairs whose last result was received more than their {@link #staleAfter} before {@code nowMs}. */
    synchronized int sweep(long nowMs) {
        int removed = 0;
        for (CheckHandles c : checks.values()) {
            for (PairSeries p : c.vantages.values()) {
                if (p.live() && nowMs - p.lastSeenMs > c.staleAfterMs) {
                    p.release();
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Results dropped because the configuration names neither their check nor their vantage for it. */
    synchronized long dropped() {
        return dropped;
    }

    /** How long a pair keeps its series without results: three intervals, at least ten minutes. */
    static Duration staleAfter(CheckConfig check) {
        Duration d = check.interval().multipliedBy(STALE_INTERVALS);
        return d.compareTo(MIN_STALE) < 0 ? MIN_STALE : d;
    }

    /** The pairs of one check, by vantage. */
    private final class CheckHandles {
        final String serviceId;
        final long staleAfterMs;
        final Map<String, PairSeries> vantages = new HashMap<>();

        CheckHandles(CheckConfig check, List<String> vantageNames, CheckHandles old) {
            this.serviceId = check.serviceId();
            this.staleAfterMs = staleAfter(check).toMillis();
            boolean cert = SeriesBudget.hasCertificate(check);
            for (String v : vantageNames) {
                PairSeries reused = old == null ? null : old.vantages.get(v);
                if (reused != null) {
                    reused.allowCertificate(cert);
                    vantages.put(v, reused);
                } else {
                    vantages.put(v, new PairSeries(check.serviceId(), check.id(), v, cert));
                }
            }
        }

        void releaseUnless(CheckHandles next) {
            vantages.forEach((v, p) -> {
                if (next == null || next.vantages.get(v) != p) {
                    p.release();
                }
            });
        }
    }

    /** The series of one check from one vantage; resolved with its first result, so a silent pair shows nothing. */
    private final class PairSeries {
        private final String[] labels;
        private final GaugeDataPoint[] phases =
                new GaugeDataPoint[SeriesBudget.PHASES.size()];
        private GaugeDataPoint upPoint;
        private GaugeDataPoint durationPoint;
        private GaugeDataPoint lastResultPoint;
        private GaugeDataPoint certPoint;
        private boolean certAllowed;
        long lastSeenMs;

        PairSeries(String service, String check, String vantage, boolean certAllowed) {
            this.labels = new String[] {service, check, vantage};
            this.certAllowed = certAllowed;
        }

        boolean live() {
            return upPoint != null;
        }

        void record(ProbeResult r, long nowMs) {
            if (upPoint == null) {
                upPoint = up.labelValues(labels);
                durationPoint = duration.labelValues(labels);
                lastResultPoint = lastResult.labelValues(labels);
            }
            lastSeenMs = nowMs;
            upPoint.set(r.ok() ? 1 : 0);
            durationPoint.set(seconds(r.timings().totalMs()));
            lastResultPoint.set(r.startedAt() / 1000.0);
            setPhase(0, r.timings().dnsMs());
            setPhase(1, r.timings().connectMs());
            setPhase(2, r.timings().tlsMs());
            setPhase(3, r.timings().firstByteMs());
            if (certAllowed && r.certDaysLeft() != null) {
                if (certPoint == null) {
                    certPoint = certExpiry.labelValues(labels);
                }
                certPoint.set(r.startedAt() / 1000.0 + r.certDaysLeft() * 86_400);
            }
        }

        private void setPhase(int i, double ms) {
            if (phases[i] == null) {
                if (ms < 0) {
                    return; // never measured for this pair: no series
                }
                phases[i] = phase.labelValues(labels[0], labels[1], labels[2], SeriesBudget.PHASES.get(i));
            }
            phases[i].set(seconds(ms));
        }

        void allowCertificate(boolean allowed) {
            certAllowed = allowed;
            if (!allowed && certPoint != null) {
                certExpiry.remove(labels);
                certPoint = null;
            }
        }

        void release() {
            if (upPoint == null) {
                return;
            }
            up.remove(labels);
            duration.remove(labels);
            lastResult.remove(labels);
            for (int i = 0; i < phases.length; i++) {
                if (phases[i] != null) {
                    phase.remove(labels[0], labels[1], labels[2], SeriesBudget.PHASES.get(i));
                    phases[i] = null;
                }
            }
            if (certPoint != null) {
                certExpiry.remove(labels);
                certPoint = null;
            }
            upPoint = null;
        }
    }

    private static double seconds(double ms) {
        return ms < 0 ? 0 : ms / 1000;
    }
}
