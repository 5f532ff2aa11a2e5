package dev.bongsu.bench.probes;

import com.sun.management.OperatingSystemMXBean;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ProbeSettings;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;
import dev.bongsu.probes.ProbeVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many HTTP checks one probe node sustains, what a probe costs in CPU, and how late the scheduler starts
 * probes. One {@link ProbeVerticle} (the production one, default settings) probes the URLs of a {@link ProbeTarget}
 * running in another JVM; the checks are reassigned step by step, and for each step this prints the achieved probe
 * rate, this process's CPU-ms per 1,000 probes (process CPU time over the step, so event bus, batching and GC
 * count), the scheduler lag p50/p99/max from the node's own {@code bongsu.probe-stats}, and the failure rate.
 *
 * <pre>java -cp … dev.bongsu.bench.probes.ProbeBench URLS_FILE OUT_TSV</pre>
 * ({@link ProbeCostBench} appends its closed-loop row to the same file)
 * or, to print the medians of several runs: {@code ProbeBench --median OUT_TSV…}.
 */
public final class ProbeBench {
    private static final long SETTLE_MS = 2_000;
    private static final long MEASURE_MS = 10_000;

    /** One step: how many checks at which interval. */
    record Step(String name, int checks, long intervalMs) {
        double offeredPerSecond() {
            return checks * 1000.0 / intervalMs;
        }
    }

    static final List<Step> STEPS = List.of(
            new Step("rate-3000/s", 3_000, 1_000),
            new Step("rate-5000/s", 5_000, 1_000),
            new Step("rate-7000/s", 7_000, 1_000),
            new Step("rate-9000/s", 9_000, 1_000),
            new Step("lag-1k-checks@5s", 1_000, 5_000),
            new Step("lag-10k-checks@5s", 10_000, 5_000));

    private final AtomicLong results = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<long[]> stats = new CopyOnWriteArrayList<>();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--median")) {
            median(Arrays.asList(args).subList(1, args.length));
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: ProbeBench URLS_FILE OUT_TSV | ProbeBench --median OUT_TSV...");
            System.exit(2);
        }
        List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).toList();
        new ProbeBench().run(urls, Path.of(args[1]));
    }

    private void run(List<String> urls, Path out) throws Exception {
        // a blocked event loop is reported with its stack, so a stall in the probe path is visible
        Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setWarningExceptionTime(1_500)
                .setWarningExceptionTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
        Codecs.registerAll(vertx.eventBus());
        vertx.eventBus().<ResultBatch>consumer(Addresses.RESULTS, m -> {
            for (ProbeResult r : m.body().results()) {
                results.incrementAndGet();
                if (!r.ok()) {
                    failures.incrementAndGet();
                    errors.computeIfAbsent(r.error().wireName(), k -> new AtomicLong()).incrementAndGet();
                }
            }
        });
        vertx.eventBus().<JsonObject>consumer(Addresses.PROBE_STATS, m -> stats.add(new long[] {System.currentTimeMillis(),
                m.body().getLong("lagP50Ms"), m.body().getLong("lagP99Ms"), m.body().getLong("lagMaxMs"),
                m.body().getLong("missedRuns"), m.body().getLong("skippedOverlap")}));
        // the defaults of probes.* in the configuration reference
        ProbeSettings settings = new ProbeSettings(500, Duration.ofMillis(200), 4096);
        ProbeVerticle node = new ProbeVerticle("bench", checks(urls, 3_000, 1_000), settings);
        vertx.deployVerticle(node).await();
        System.out.printf("warm-up: 3000 checks at 1 s against %d URLs for 12 s%n", urls.size());
        Thread.sleep(12_000);

        List<String> lines = new ArrayList<>();
        lines.add("step\toffered_per_s\tachieved_per_s\tcpu_ms_per_1000\tlag_p50_ms\tlag_p99_ms\tlag_max_ms\tfailure_pct\tmissed_runs");
        System.out.println(lines.get(0));
        for (Step step : STEPS) {
            node.assign(checks(urls, step.checks(), step.intervalMs()));
            Thread.sleep(SETTLE_MS);
            long missedBefore = lastStat(4);
            long r0 = results.get();
            long f0 = failures.get();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.currentTimeMillis();
            Thread.sleep(MEASURE_MS);
            long t1 = System.currentTimeMillis();
            long cpu1 = os.getProcessCpuTime();
            long n = results.get() - r0;
            long failed = failures.get() - f0;
            // stats windows are 5 s long; keep those that lie wholly inside the measured span
            List<long[]> windows = stats.stream().filter(s -> s[0] >= t0 + 5_000 && s[0] <= t1).toList();
            long p50 = windows.stream().mapToLong(s -> s[1]).max().orElse(-1);
            long p99 = windows.stream().mapToLong(s -> s[2]).max().orElse(-1);
            long max = windows.stream().mapToLong(s -> s[3]).max().orElse(-1);
            String line = String.format(Locale.ROOT, "%s\t%.0f\t%.0f\t%.1f\t%d\t%d\t%d\t%.2f\t%d", step.name(), step.offeredPerSecond(),
                    n * 1000.0 / (t1 - t0), n == 0 ? 0 : (cpu1 - cpu0) / 1e6 / n * 1000, p50, p99, max,
                    n == 0 ? 0 : 100.0 * failed / n, lastStat(4) - missedBefore);
            lines.add(line);
            System.out.println(line);
        }
        if (!errors.isEmpty()) {
            System.out.println("failures by class over the whole run: " + errors);
        }
        Files.write(out, lines);
        vertx.close().await();
    }

    private long lastStat(int field) {
        return stats.isEmpty() ? 0 : stats.get(stats.size() - 1)[field];
    }

    private static List<CheckConfig> checks(List<String> urls, int n, long intervalMs) {
        List<CheckConfig> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            HttpTarget t = new HttpTarget(URI.create(urls.get(i % urls.size())), "GET", Map.of(), null, StatusSet.SUCCESS, null,
                    null, false, 0, 65_536, true);
            String service = "bench" + i;
            list.add(new CheckConfig(service + ".http", "http", service, CheckType.HTTP, Duration.ofMillis(intervalMs),
                    Duration.ofMillis(Math.min(intervalMs, 2_000)), true, t, Thresholds.DEFAULTS, Map.of()));
        }
        return list;
    }

    /** Prints, per step, the median of each column over several runs' TSV files. */
    private static void median(List<String> files) throws Exception {
        List<List<String[]>> runs = new ArrayList<>();
        for (String f : files) {
            runs.add(Files.readAllLines(Path.of(f)).stream().map(l -> l.split("\t")).toList());
        }
        List<String[]> first = runs.get(0);
        System.out.println(String.join("\t", first.get(0)) + "\t(median of " + runs.size() + " runs)");
        for (int row = 1; row < first.size(); row++) {
            StringBuilder sb = new StringBuilder(first.get(row)[0]);
            for (int col = 1; col < first.get(row).length; col++) {
                double[] values = new double[runs.size()];
                for (int r = 0; r < runs.size(); r++) {
                    List<String[]> rows = runs.get(r);
                    values[r] = row < rows.size() && col < rows.get(row).length ? Double.parseDouble(rows.get(row)[col]) : Double.NaN;
                }
                Arrays.sort(values);
                double m = values[values.length / 2];
                sb.append('\t').append(m == Math.rint(m) ? String.valueOf((long) m) : String.format(Locale.ROOT, "%.1f", m));
            }
            System.out.println(sb);
        }
    }
}
