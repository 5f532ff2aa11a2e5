package dev.bongsu.aggregator.metrics;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.BongsuConfig;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Bongsu's Prometheus metrics, fed by the events the parts publish, named by Prometheus conventions
 * ({@code bongsu_} prefix, base units, {@code _total} counters). Plain class, thread-safe; docs/METRICS.md lists
 * every metric. The expected JSON of each input is documented on its method.
 */
public final class BongsuMetrics {
    /** Content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final Logger LOG = Logger.getLogger(BongsuMetrics.class.getName());
    private static final String NONE = "none";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private final Counter probes;
    private final Histogram probeDuration;
    private final Counter results;
    private final Gauge lagP50;
    private final Gauge lagP99;
    private final Gauge lagMax;
    private final Gauge schedulerChecks;
    private final Gauge schedulerInFlight;
    private final Gauge schedulerOverloaded;
    private final ServiceSeries services;
    private final CheckSeries checks;
    private final Clock clock;
    private final Counter notifications;
    private final Map<String, JsonObject> probeStats = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> storeStats = new ConcurrentHashMap<>();
    private final Map<String, IncidentKind> openIncidents = new ConcurrentHashMap<>();
    private final Map<String, Long> pendingNotifications = new ConcurrentHashMap<>();

    /** A fresh registry with every Bongsu metric and the JVM metrics. */
    public BongsuMetrics() {
        this(Clock.systemUTC());
    }

    /**
     * The same, with the clock that stamps when results arrive (a per-check series goes away when its check has not
     * reported for a while, see {@link #sweepStale()}).
     */
    public BongsuMetrics(Clock clock) {
        this.clock = clock;
        probes = Counter.builder().name("bongsu_probes_total")
                .help("Probes run, by vantage, outcome (success or failure) and error class (none on success)")
                .labelNames("vantage", "outcome", "error_class").register(registry);
        probeDuration = Histogram.builder().name("bongsu_probe_duration_seconds")
                .help("Total duration of a probe, seconds, by vantage")
                .labelNames("vantage")
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .classicOnly().register(registry);
        results = Counter.builder().name("bongsu_results_ingested_total")
                .help("Probe results received on the event bus, by vantage; its rate is results per second")
                .labelNames("vantage").register(registry);
        lagP50 = schedulerGauge("bongsu_scheduler_lag_p50_seconds", "Median delay between a probe's due time and its start, seconds");
        lagP99 = schedulerGauge("bongsu_scheduler_lag_p99_seconds", "99th percentile delay between a probe's due time and its start, seconds");
        lagMax = schedulerGauge("bongsu_scheduler_lag_max_seconds", "Longest delay between a probe's due time and its start, seconds");
        schedulerChecks = schedulerGauge("bongsu_scheduler_checks", "Checks scheduled on a probe node");
        schedulerInFlight = schedulerGauge("bongsu_scheduler_in_flight_probes", "Probes running now on a probe node");
        schedulerOverloaded = schedulerGauge("bongsu_scheduler_overloaded", "1 while a probe node says it is overloaded (its failures are not trusted)");
        schedulerCounter("bongsu_scheduler_probes_total", "Probes started by a probe node since it started", "probesTotal");
        schedulerCounter("bongsu_scheduler_skipped_overlap_total", "Probes skipped because the previous one of the same check was still running",
                "skippedOverlap");
        services = new ServiceSeries(registry);
        checks = new CheckSeries(registry);
        GaugeWithCallback.builder().name("bongsu_open_incidents").help("Open incidents, by kind (service, correlated, probe_fault)")
                .labelNames("kind")
                .callback(cb -> {
                    for (IncidentKind k : IncidentKind.values()) {
                        cb.call(openIncidents.values().stream().filter(k::equals).count(), k.wireName());
                    }
                }).register(registry);
        notifications = Counter.builder().name("bongsu_notifications_total")
                .help("Notification deliveries, by receiver and outcome: sent, failed (will be retried), dead (given up) or suppressed (inhibited, silenced, in maintenance)")
                .labelNames("receiver", "outcome").register(registry);
        GaugeWithCallback.builder().name("bongsu_notifications_pending").help("Notifications waiting in the outbox, by receiver")
                .labelNames("receiver")
                .callback(cb -> pendingNotifications.forEach((receiver, n) -> cb.call(n, receiver))).register(registry);
        storeGauge("bongsu_store_queue_points", "Results and rollups accepted by the store and not yet durably written", "queueDepth", 1);
        storeGauge("bongsu_store_memory_points", "Points waiting in the store's memory buffer", "memoryPoints", 1);
        storeGauge("bongsu_store_spool_points", "Points waiting in the store's disk spool (InfluxDB outage)", "spoolPoints", 1);
        storeGauge("bongsu_store_spool_bytes", "Size of the store's disk spool, bytes", "spoolBytes", 1);
        storeGauge("bongsu_store_up", "1 while the store's writes succeed, 0 while it is buffering", "up", 1);
        storeGauge("bongsu_store_last_write_duration_seconds", "Duration of the store's last write (transaction or request), seconds",
                "lastWriteMs", 1e3);
        storeCounter("bongsu_store_written_points_total", "Results and rollups written by the store", "written", 1);
        storeCounter("bongsu_store_write_failures_total", "Store writes that failed", "writeFailures", 1);
        storeCounter("bongsu_store_write_retries_total", "Store writes retried after a failure", "retries", 1);
        storeCounter("bongsu_store_dropped_points_total", "Points lost because every buffer of the store was full", "dropped", 1);
        storeCounter("bongsu_store_rejected_points_total", "Points the database refused for good (older than the retention, malformed)",
                "rejectedPoints", 1);
        storeCounter("bongsu_store_write_requests_total", "Write requests sent by the store", "writeRequests", 1);
        storeCounter("bongsu_store_write_duration_seconds_total", "Time spent in write requests, seconds; divide its rate by the requests' rate "
                + "for the mean write latency", "writeMicros", 1e6);
        JvmMetrics.builder().register(registry);
    }

    private Gauge schedulerGauge(String name, String help) {
        return Gauge.builder().name(name).help(help).labelNames("vantage", "node").register(registry);
    }

    private void schedulerCounter(String name, String help, String key) {
        CounterWithCallback.builder().name(name).help(help).labelNames("vantage", "node")
                .callback(cb -> probeStats.values().forEach(j -> {
                    if (j.getValue(key) instanceof Number n) {
                        cb.call(n.doubleValue(), j.getString("vantage", ""), j.getString("node", ""));
                    }
                })).register(registry);
    }

    private void storeGauge(String name, String help, String key, double divisor) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("store")
                .callback(cb -> storeValues(key, divisor, cb::call)).register(registry);
    }

    private void storeCounter(String name, String help, String key, double divisor) {
        CounterWithCallback.builder().name(name).help(help).labelNames("store")
                .callback(cb -> storeValues(key, divisor, cb::call)).register(registry);
    }

    private interface LabelledValue {
        void call(double value, String... labels);
    }

    private void storeValues(String key, double divisor, LabelledValue out) {
        storeStats.forEach((store, j) -> {
            if (j.getValue(key) instanceof Number n) {
                out.call(n.doubleValue() / divisor, store);
            }
        });
    }

    /**
     * Follows a configuration: the per-check series ({@code bongsu_check_*}) cover its checks × vantages, and only its
     * services keep {@code bongsu_service_*} series. Without a configuration there are no per-check series.
     */
    public void configure(BongsuConfig config) {
        checks.configure(config);
        services.configure(config);
    }

    /** Removes the per-check series of pairs that have not reported for a while; returns how many pairs lost theirs. */
    public int sweepStale() {
        return checks.sweep(clock.millis());
    }

    /** Counts a batch of probe results (from {@code Addresses.RESULTS}) and updates the per-check series. */
    public void onResults(ResultBatch batch) {
        checks.record(batch.results(), clock.millis());
        for (ProbeResult r : batch.results()) {
            probes.labelValues(r.vantage(), r.ok() ? "success" : "failure", r.error() == null ? NONE : r.error().wireName()).inc();
            probeDuration.labelValues(r.vantage()).observe(Math.max(0, r.latencyMs()) / 1000);
        }
        if (!batch.results().isEmpty()) {
            results.labelValues(batch.vantage()).inc(batch.results().size());
        }
    }

    /**
     * Takes one probe node's scheduler statistics (from {@code Addresses.PROBE_STATS}):
     * {@code {vantage, node, checks, inFlight, probesTotal, skippedOverlap, missedRuns, lagP50Ms, lagP99Ms, lagMaxMs,
     * overloaded}}.
     */
    public void onProbeStats(JsonObject stats) {
        String vantage = stats.getString("vantage");
        String node = stats.getString("node", vantage);
        if (vantage == null) {
            LOG.warning("probe stats without 'vantage' ignored: " + stats.encode());
            return;
        }
        probeStats.put(vantage + "\u0000" + node, stats);
        set(lagP50, stats, "lagP50Ms", 1e3, vantage, node);
        set(lagP99, stats, "lagP99Ms", 1e3, vantage, node);
        set(lagMax, stats, "lagMaxMs", 1e3, vantage, node);
        set(schedulerChecks, stats, "checks", 1, vantage, node);
        set(schedulerInFlight, stats, "inFlight", 1, vantage, node);
        schedulerOverloaded.labelValues(vantage, node).set(stats.getBoolean("overloaded", false) ? 1 : 0);
    }

    private static void set(Gauge g, JsonObject j, String key, double divisor, String... labels) {
        if (j.getValue(key) instanceof Number n) {
            g.labelValues(labels).set(n.doubleValue() / divisor);
        }
    }

    /**
     * Takes a store's write-path figures (from {@code Addresses.STORE_STATS}, the JSON of
     * {@code dev.bongsu.aggregator.store.StoreStats}): {@code store}, {@code queueDepth}, {@code written},
     * {@code writeFailures}, {@code dropped}, {@code lastWriteMs}, and for InfluxDB {@code memoryPoints},
     * {@code spoolPoints}, {@code spoolBytes}, {@code retries}, {@code rejectedPoints}, {@code writeRequests},
     * {@code writeMicros}, {@code up}.
     */
    public void onStoreStats(JsonObject stats) {
        String store = stats.getString("store");
        if (store == null) {
            LOG.warning("store stats without 'store' ignored: " + stats.encode());
            return;
        }
        storeStats.put(store, stats);
    }

    /** Records a service's current state (from {@code Addresses.SERVICE_STATES} or the initial {@link LiveStatus}). */
    public void onServiceState(ServiceState state) {
        services.set(state);
    }

    /** Tracks open incidents by kind (from {@code Addresses.INCIDENTS}). */
    public void onIncident(IncidentTransition transition) {
        Incident i = transition.incident();
        if (i.isOpen()) {
            openIncidents.put(i.id(), i.kind());
        } else {
            openIncidents.remove(i.id());
        }
    }

    /** Starts from the detector's current view: every service state and every open incident. */
    public void onLiveStatus(LiveStatus live) {
        live.serviceStates().forEach(this::onServiceState);
        live.openIncidents().forEach(i -> openIncidents.put(i.id(), i.kind()));
    }

    /**
     * Counts a notification event (from {@code Addresses.NOTIFICATION_EVENTS}), JSON
     * {@code {"receiver": "oncall", "outcome": "sent|failed|dead|suppressed|pending", "incidentId": "…", "pending": 3}}:
     * {@code pending} when a notification is written to the outbox, {@code sent} when delivered, {@code failed}
     * for each attempt that failed and will be retried, {@code dead} when delivery was given up, {@code suppressed}
     * when routing held it back (inhibition, silence, maintenance). The optional
     * integer {@code pending} field is the receiver's outbox depth after the event; without it the depth is
     * counted here (pending events minus sent and dead ones).
     */
    public void onNotificationEvent(JsonObject event) {
        String receiver = event.getString("receiver");
        String outcome = event.getString("outcome");
        if (receiver == null || outcome == null) {
            LOG.warning("notification event without 'receiver' or 'outcome' ignored: " + event.encode());
            return;
        }
        if (event.getBoolean("replay", false)) {
            return; // a cluster standby re-announcing what the active server already counted
        }
        switch (outcome) {
            case "pending" -> pendingNotifications.merge(receiver, 1L, Long::sum);
            case "sent", "dead" -> {
                notifications.labelValues(receiver, outcome).inc();
                pendingNotifications.merge(receiver, -1L, (a, b) -> Math.max(0, a + b));
            }
            case "failed", "suppressed" -> notifications.labelValues(receiver, outcome).inc();
            default -> {
                LOG.warning("notification event with unknown outcome '" + outcome + "' (expected sent, failed, dead, suppressed or pending) ignored");
                return;
            }
        }
        if (event.getValue("pending") instanceof Number n) {
            pendingNotifications.put(receiver, Math.max(0, n.longValue()));
        } else {
            pendingNotifications.putIfAbsent(receiver, 0L);
        }
    }

    /** Every metric in the Prometheus text format 0.0.4. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics", e);
        }
        return out.toByteArray();
    }

    /** The registry, for callers that add their own metrics. */
    public PrometheusRegistry registry() {
        return registry;
    }
}
