package dev.bongsu.bench.probes;

import com.sun.management.OperatingSystemMXBean;
import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;
import dev.bongsu.probes.check.Checkers;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one HTTP probe costs in CPU, measured without the scheduler: a closed loop keeps {@code CONCURRENCY} probes
 * in flight through the production checkers (a fresh connection each) with a generous timeout, so the figure stays
 * meaningful on a machine where other work competes for the cores (probes then wait, but cost the same CPU).
 * Prints CPU-ms per 1,000 probes of this process and the rate reached.
 *
 * <pre>java -cp … dev.bongsu.bench.probes.ProbeCostBench URLS_FILE [PROBES] [CONCURRENCY] [APPEND_TSV]</pre>
 */
public final class ProbeCostBench {
    private ProbeCostBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).toList();
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Vertx vertx = Vertx.vertx();
        Checkers checkers = Checkers.standard(vertx);
        List<CheckConfig> checks = urls.stream().map(u -> check(u)).toList();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        run(vertx, checkers, checks, 10_000, concurrency);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long[] failed = run(vertx, checkers, checks, probes, concurrency);
        double wallMs = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        System.out.printf(Locale.ROOT, "probes\t%d\tconcurrency\t%d\tcpu_ms_per_1000\t%.1f\trate_per_s\t%.0f\tfailure_pct\t%.2f%n",
                probes, concurrency, cpuMs / probes * 1000, probes / wallMs * 1000, 100.0 * failed[0] / probes);
        if (args.length > 3) {
            Files.writeString(Path.of(args[3]), String.format(Locale.ROOT, "closed-loop-%d\t0\t%.0f\t%.1f\t-1\t-1\t-1\t%.2f\t0%n",
                    concurrency, probes / wallMs * 1000, cpuMs / probes * 1000, 100.0 * failed[0] / probes),
                    java.nio.file.StandardOpenOption.APPEND);
        }
        vertx.close().await();
    }

    private static long[] run(Vertx vertx, Checkers checkers, List<CheckConfig> checks, int total, int concurrency) {
        Promise<Void> done = Promise.promise();
        long[] state = {0, 0, 0}; // started, finished, failed
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            for (int i = 0; i < concurrency; i++) {
                next(checkers, checks, state, total, done);
            }
        });
        done.future().await();
        return new long[] {state[2]};
    }

    private static void next(Checkers checkers, List<CheckConfig> checks, long[] state, int total, Promise<Void> done) {
        if (state[0] >= total) {
            return;
        }
        CheckConfig check = checks.get((int) (state[0]++ % checks.size()));
        checkers.probe(check, "bench", System.currentTimeMillis()).onComplete(ar -> {
            ProbeResult r = ar.result();
            state[1]++;
            if (!r.ok()) {
                state[2]++;
            }
            if (state[1] == total) {
                done.complete();
            } else {
                next(checkers, checks, state, total, done);
            }
        });
    }

    private static CheckConfig check(String url) {
        HttpTarget t = new HttpTarget(URI.create(url), "GET", Map.of(), null, StatusSet.SUCCESS, null, null, false, 0, 65_536, true);
        return new CheckConfig("bench.http", "http", "bench", CheckType.HTTP, Duration.ofSeconds(30), Duration.ofSeconds(30), true, t,
                Thresholds.DEFAULTS, Map.of());
    }
}
