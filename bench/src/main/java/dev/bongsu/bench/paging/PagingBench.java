package dev.bongsu.bench.paging;

import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Live paging latency: the time from a fault's onset to the first notification POST a real webhook receiver on
 * 127.0.0.1 gets, with 1 s probing and the monitor's default detection and alerting settings.
 *
 * <p>The simulated fleet (8 services, with its normal latency) and the receiver run in this JVM; the monitor under
 * test runs in child processes, started fresh with an empty data directory for every run and stopped after it.
 * Each run waits until the monitor sees every service up, injects the fault, and notes the wall-clock time just
 * before the injection (the onset) and the arrival time of the first page (Bongsu: a POST of {@code incident.opened};
 * Alertmanager: a POST with status {@code firing}), both read from the same clock in this process.
 *
 * <ul>
 *   <li>{@code refuse}: the four kakao services in pangyo refuse connections at once;</li>
 *   <li>{@code hang}: the same four accept connections and never answer (probe timeouts);</li>
 *   <li>{@code blip}: kakaotalk alone refuses connections for 2 s; every POST in the following window is counted
 *       (the right answer is none).</li>
 * </ul>
 *
 * <pre>java -cp … dev.bongsu.bench.paging.PagingBench --jar app/target-bench/bongsu.jar [--runs 3]
 *     [--cases refuse,hang,blip] [--page-deadline 30] [--blip-window 15] [--settle 3] [--work DIR]
 *     [--java-opts "-Xmx512m"] [--peer on|off]</pre>
 */
public final class PagingBench {
    enum Case {
        REFUSE("4-service refusal", "≤ 2.0 s"), HANG("4-service hang (timeouts)", "≤ 3.0 s"), BLIP("2 s blip of kakaotalk", "no page");

        final String what;
        final String target;

        Case(String what, String target) {
            this.what = what;
            this.target = target;
        }

        String key() {
            return name().toLowerCase();
        }
    }

    /**
     * One run's outcome.
     *
     * @param pageMillis  onset → first page, or -1 when none came before the deadline (for {@code blip}: the number
     *                    of pages in the window is {@code pages})
     * @param downMillis  onset → the first faulted service shown {@code down} on Bongsu's status API, or -1
     * @param pages       pages (opened / firing) received from the onset to the end of the run
     * @param posts       every POST received from the onset to the end of the run
     * @param early       POSTs received before the onset (pages while starting, all resolved before the onset)
     * @param first       what the first page was about
     */
    record Run(String monitor, Case c, int run, long pageMillis, long downMillis, int pages, int posts, int early, String first) {
    }

    private static final Target KAKAO_IN_PANGYO = Target.datacenter("pangyo", "kakao");
    private static final Target BLIP_TARGET = Target.services("kakaotalk");
    private static final List<String> KAKAO_IDS = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap");

    private PagingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        Path jar = Path.of(require(opt, "jar"));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "3"));
        long pageDeadline = Long.parseLong(opt.getOrDefault("page-deadline", "30")) * 1000;
        long blipWindow = Long.parseLong(opt.getOrDefault("blip-window", "15")) * 1000;
        long settle = Long.parseLong(opt.getOrDefault("settle", "3")) * 1000;
        List<String> javaOpts = Arrays.stream(opt.getOrDefault("java-opts", "-Xmx512m").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        List<Case> cases = Arrays.stream(opt.getOrDefault("cases", "refuse,hang,blip").split(","))
                .map(s -> Case.valueOf(s.trim().toUpperCase())).toList();
        Path work = opt.containsKey("work") ? Path.of(opt.get("work")) : Files.createTempDirectory("bongsu-bench-paging-");
        Files.createDirectories(work);
        if (!Files.isRegularFile(jar)) {
            System.err.println("PagingBench: no jar at " + jar);
            System.exit(2);
        }

        List<MonitorUnderTest> monitors = new ArrayList<>();
        monitors.add(new BongsuProcess(jar, javaOpts));
        String peer = opt.getOrDefault("peer", "off");
        if (peer.equals("on")) {
            monitors.add(new PrometheusStack());
        } else if (!peer.equals("off")) {
            System.err.println("PagingBench: --peer: expected on or off, found '" + peer + "'");
            System.exit(2);
        }

        System.out.printf("machine: %d CPUs, %s, %s %s; load %s%n", Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), loadAverage());
        System.out.printf("started %s; %d run(s) per case; page deadline %d s; blip window %d s after the blip ends; "
                + "settle %d s after steady%n", Instant.now(), runs, pageDeadline / 1000, blipWindow / 1000, settle / 1000);
        for (MonitorUnderTest m : monitors) {
            System.out.printf("%s: %s%n", m.name(), m.describe());
        }

        Vertx vertx = Vertx.vertx();
        RunningFleet fleet = new Simulator(vertx, Fleet.defaultFleet(), SimulatorOptions.defaults().withBasePort(0)).start().await();
        WebhookReceiver receiver = new WebhookReceiver();
        int receiverPort = receiver.start(vertx);
        System.out.printf("simulated fleet: %d services on 127.0.0.1 (%s); webhook receiver on 127.0.0.1:%d%n",
                fleet.services().size(), fleet.services().stream().map(s -> s.id() + ":" + s.port()).collect(Collectors.joining(" ")),
                receiverPort);

        List<Run> results = new ArrayList<>();
        Thread cleanup = new Thread(() -> monitors.forEach(MonitorUnderTest::stop), "paging-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            for (MonitorUnderTest m : monitors) {
                for (Case c : cases) {
                    for (int i = 1; i <= runs; i++) {
                        Run r = runOnce(m, c, i, fleet, receiver, receiverPort, work, pageDeadline, blipWindow, settle);
                        results.add(r);
                        System.out.println(line(r));
                    }
                }
            }
        } finally {
            monitors.forEach(MonitorUnderTest::stop);
            receiver.close();
            fleet.stop().await();
            vertx.close().await();
        }
        System.out.println();
        summary(results, monitors, cases, runs);
        Runtime.getRuntime().removeShutdownHook(cleanup);
        System.exit(0);
    }

    private static Run runOnce(MonitorUnderTest m, Case c, int i, RunningFleet fleet, WebhookReceiver receiver, int receiverPort,
                               Path work, long pageDeadline, long blipWindow, long settle) throws Exception {
        Path runDir = work.resolve(m.name() + "-" + c.key() + "-" + i);
        Files.createDirectories(runDir);
        String path = "/hook/" + m.name() + "-" + c.key() + "-" + i;
        fleet.clearAll().await();
        m.start(runDir, fleet.services(), "http://127.0.0.1:" + receiverPort + path);
        try {
            m.awaitSteady(System.currentTimeMillis() + 120_000);
            Thread.sleep(settle);
            // A quiet start: whatever was paged while starting (e.g. a probe fault during JIT warm-up) must be resolved
            // before the onset, or its resolution would be counted in the run.
            long quietBy = System.currentTimeMillis() + 60_000;
            while (!receiver.open(path).isEmpty() && System.currentTimeMillis() < quietBy) {
                Thread.sleep(200);
            }
            if (!receiver.open(path).isEmpty()) {
                throw new IllegalStateException(m.name() + " still has open pages before the onset: " + receiver.open(path));
            }
            BongsuProcess bongsu = m instanceof BongsuProcess b ? b : null;
            long downAt = -1;
            long onset;
            long page = -1;
            if (c == Case.BLIP) {
                onset = System.currentTimeMillis();
                fleet.inject(BLIP_TARGET, Fault.REFUSE).await();
                sleepUntil(onset + 2000);
                fleet.clear(BLIP_TARGET).await();
                long end = System.currentTimeMillis() + blipWindow;
                while (System.currentTimeMillis() < end) {
                    if (bongsu != null && downAt < 0 && !bongsu.downServices(List.of("kakaotalk")).isEmpty()) {
                        downAt = System.currentTimeMillis();
                    }
                    Thread.sleep(100);
                }
                WebhookReceiver.Post first = receiver.firstPage(path, onset);
                if (first != null) {
                    page = first.arrivedAtMillis() - onset;
                }
            } else {
                Fault fault = c == Case.REFUSE ? Fault.REFUSE : Fault.HANG;
                onset = System.currentTimeMillis();
                fleet.inject(KAKAO_IN_PANGYO, fault).await();
                long deadline = onset + pageDeadline;
                while (System.currentTimeMillis() < deadline && receiver.firstPage(path, onset) == null) {
                    if (bongsu != null && downAt < 0 && !bongsu.downServices(KAKAO_IDS).isEmpty()) {
                        downAt = System.currentTimeMillis();
                    }
                    Thread.sleep(20);
                }
                WebhookReceiver.Post first = receiver.firstPage(path, onset);
                if (first != null) {
                    page = first.arrivedAtMillis() - onset;
                    Thread.sleep(1000); // let the notifications sent right after it arrive, to count them
                }
                fleet.clear(KAKAO_IN_PANGYO).await();
            }
            List<WebhookReceiver.Post> all = receiver.posts(path);
            List<WebhookReceiver.Post> before = all.stream().filter(p -> p.arrivedAtMillis() < onset).toList();
            int early = before.size();
            if (early > 0) {
                System.out.println("  while starting: " + before.stream().map(p -> p.event() + " " + p.summary())
                        .collect(Collectors.joining("; ")));
            }
            List<WebhookReceiver.Post> after = all.stream().filter(p -> p.arrivedAtMillis() >= onset).toList();
            int pages = (int) after.stream().filter(WebhookReceiver.Post::isPage).count();
            WebhookReceiver.Post first = receiver.firstPage(path, onset);
            String firstText = first == null ? "" : first.event() + " " + first.summary();
            if (c == Case.BLIP && !after.isEmpty()) {
                firstText = after.stream().map(p -> "+" + (p.arrivedAtMillis() - onset) + "ms " + p.event() + " " + p.summary())
                        .collect(Collectors.joining("; "));
            }
            return new Run(m.name(), c, i, page, downAt < 0 ? -1 : downAt - onset, pages, after.size(), early, firstText);
        } finally {
            m.stop();
            fleet.clearAll().await();
        }
    }

    private static String line(Run r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-10s %-7s run %d: ", r.monitor(), r.c().key(), r.run()));
        if (r.c() == Case.BLIP) {
            s.append(r.pages() == 0 ? "no page" : r.pages() + " page(s)").append(String.format(", %d POST(s)", r.posts()));
            if (r.downMillis() >= 0) {
                s.append(String.format("; kakaotalk shown down at +%.1f s", r.downMillis() / 1000.0));
            }
        } else {
            s.append(r.pageMillis() < 0 ? "NO PAGE before the deadline" : String.format("first page after %.2f s", r.pageMillis() / 1000.0));
            if (r.downMillis() >= 0) {
                s.append(String.format("; first service down on /api/v1/status at %.2f s", r.downMillis() / 1000.0));
            }
            s.append(String.format("; %d page(s), %d POST(s) in the run", r.pages(), r.posts()));
        }
        if (r.early() > 0) {
            s.append(String.format("; NOTE %d POST(s) while starting, before the onset", r.early()));
        }
        if (!r.first().isEmpty()) {
            s.append(" — ").append(r.first());
        }
        return s.toString();
    }

    private static void summary(List<Run> results, List<MonitorUnderTest> monitors, List<Case> cases, int runs) {
        System.out.println("summary (onset → first page on the webhook receiver; median of " + runs + " run(s); for the blip, "
                + "pages per run and how many runs paged)");
        System.out.printf("%-10s %-28s %-32s %-16s %s%n", "monitor", "case", "runs", "median", "target");
        for (MonitorUnderTest m : monitors) {
            for (Case c : cases) {
                List<Run> rs = results.stream().filter(r -> r.monitor().equals(m.name()) && r.c() == c).toList();
                if (rs.isEmpty()) {
                    continue;
                }
                String each;
                String median;
                if (c == Case.BLIP) {
                    each = rs.stream().map(r -> String.valueOf(r.pages())).collect(Collectors.joining(" · ")) + " pages";
                    // The target is no page at all, so a median would hide the run that paged: say how many did.
                    long paged = rs.stream().filter(r -> r.pages() > 0).count();
                    median = paged == 0 ? "no page" : "paged in " + paged + " of " + rs.size();
                } else {
                    each = rs.stream().map(r -> r.pageMillis() < 0 ? "none" : String.format("%.2f", r.pageMillis() / 1000.0))
                            .collect(Collectors.joining(" · ")) + " s";
                    median = medianOf(rs.stream().mapToLong(r -> r.pageMillis() < 0 ? Long.MAX_VALUE : r.pageMillis()).toArray(), true);
                }
                System.out.printf("%-10s %-28s %-32s %-16s %s%n", m.name(), c.what, each, median, c.target);
            }
        }
    }

    /** The median; a missing page counts as longer than any other. */
    static String medianOf(long[] values, boolean seconds) {
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (n % 2 == 1 || !seconds) {
            long m = v[(n - 1) / 2];
            return m == Long.MAX_VALUE ? "none" : seconds ? String.format("%.2f s", m / 1000.0) : String.valueOf(m);
        }
        long a = v[n / 2 - 1];
        long b = v[n / 2];
        if (b == Long.MAX_VALUE) {
            return "none";
        }
        return String.format("%.2f s", (a + b) / 2000.0);
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long left = millis - System.currentTimeMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: PagingBench --jar JAR [--runs N] [--cases refuse,hang,blip] [--page-deadline S] "
                        + "[--blip-window S] [--settle S] [--work DIR] [--java-opts OPTS] [--peer on|off]");
                System.exit(2);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static String require(Map<String, String> opt, String key) {
        String v = opt.get(key);
        if (v == null) {
            System.err.println("PagingBench: --" + key + " is required");
            System.exit(2);
        }
        return v;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
