package dev.bongsu.app;

import dev.bongsu.app.cluster.ClusterAddresses;
import dev.bongsu.app.cluster.ClusterNode;
import dev.bongsu.app.cluster.ProbeRoster;
import dev.bongsu.app.cluster.ResultBuffer;
import dev.bongsu.app.cluster.ResultRelay;
import dev.bongsu.app.cluster.ShareKeeper;
import dev.bongsu.app.reload.ConfigFile;
import dev.bongsu.app.reload.ConfigReloader;
import dev.bongsu.app.reload.LoadedConfig;
import dev.bongsu.app.reload.Reloading;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.probes.ProbeVerticle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bongsu probe}: one probe node of a cluster, probing its share of one vantage's checks. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {
            "Run a probe node of a Bongsu cluster: join the cluster of the configuration's 'cluster' section and probe "
                    + "this node's share of the checks for one vantage. The checks of a vantage are divided among its "
                    + "live probe nodes and re-divided when one joins or leaves.",
            "Results go to every reachable server; while none is reachable they are buffered (cluster.bufferResults).",
            "Every node uses the same configuration file. Stop with Ctrl-C or SIGTERM."
        })
final class ProbeCommand implements Callable<Integer> {
    /** How often a probe node recomputes its share without any membership event. */
    static final Duration SAFETY_REBALANCE = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger("probe");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "the YAML configuration")
    private Path config;

    @Option(names = "--vantage", paramLabel = "NAME", required = true,
            description = "the vantage this node probes from (one of the configuration's vantages)")
    private String vantage;

    @Override
    public Integer call() throws Exception {
        ConfigFile file = new ConfigFile(config, ConfigLoader.fromSystemEnvironment(), c -> c, java.time.Clock.systemUTC());
        LoadedConfig loaded = file.load();
        BongsuConfig cfg = loaded.config();
        if (!cfg.vantageNames().contains(vantage)) {
            throw new UserException("--vantage: unknown vantage '" + vantage + "'; " + config + " has "
                    + String.join(", ", cfg.vantageNames()), Main.EXIT_CONFIG);
        }
        ClusterNode node = joinCluster(cfg);
        ResultRelay relay = new ResultRelay(node, new ResultBuffer(cfg.cluster().bufferResults()));
        ProbeParts probes;
        ShareKeeper keeper;
        try {
            relay.start().await();
            relay.interceptResults();
            // The probe verticle starts with no checks; the share keeper hands it this node's share.
            probes = ProbeParts.start(node.vertx(), cfg.withServices(List.of()), List.of(vantage)).await();
            ProbeVerticle verticle = probes.vantage(vantage);
            keeper = new ShareKeeper(node, new ProbeRoster(node), vantage, cfg.checks(), verticle::assign, SAFETY_REBALANCE);
            ShareKeeper shares = keeper;
            // reload (SIGHUP, reload.watch, or a server that reloaded): this node's share of the new checks
            ConfigReloader reloader = Reloading.start(node.vertx(), file, loaded,
                    List.of(new ConfigReloader.Step("probes", next -> shares.reconfigure(next.checks()))));
            keeper.configHash(() -> reloader.running().hash());
            // a server's configuration, by server: from its reload announcement, and from its heartbeat when that was missed
            java.util.Map<String, String> serverHashes = new java.util.concurrent.ConcurrentHashMap<>();
            node.vertx().eventBus().<io.vertx.core.json.JsonObject>consumer(ClusterAddresses.CONFIG_RELOADED, m ->
                    follow(reloader, serverHashes, m.body().getString("node"), m.body().getString("hash"), " reloaded "));
            node.vertx().eventBus().<io.vertx.core.json.JsonObject>consumer(ClusterAddresses.SERVER_HEARTBEAT, m ->
                    follow(reloader, serverHashes, m.body().getString("node"), m.body().getString("configHash"), " runs "));
            keeper.start().await();
        } catch (RuntimeException e) {
            node.close().await();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("probe node " + node.nodeId() + " stopping");
            try {
                keeper.stop().transform(v -> probes.close()).transform(v -> relay.stop()).transform(v -> node.close())
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The JVM is exiting anyway; the cluster notices a node that did not leave cleanly.
            }
            stopped.countDown();
        }, "bongsu-probe-shutdown"));
        LOG.info("probe node " + node.nodeId() + " of vantage " + vantage + " up: " + keeper.share().size() + " of "
                + cfg.checks().size() + " checks; cluster '" + cfg.cluster().name() + "' has " + node.liveNodes().size()
                + " member(s)");
        stopped.await();
        return 0;
    }

    /**
     * Reloads this node's file when {@code server} is seen on a configuration {@code hash} it was not seen on before and
     * this node does not run: once per change of the server's hash, so a file that differs from the server's (not yet
     * deployed here) is not read again on every heartbeat, and a node that missed the announcement still follows.
     */
    private static void follow(ConfigReloader reloader, java.util.Map<String, String> serverHashes, String server,
                               String hash, String how) {
        if (server == null || hash == null) {
            return;
        }
        String before = serverHashes.put(server, hash);
        if (!hash.equals(before) && !hash.equals(reloader.running().hash())) {
            reloader.reload("server " + server + how + hash);
        }
    }

    /** Joins the configured cluster; a failure (a port in use, no interface) is a one-line error. */
    static ClusterNode joinCluster(BongsuConfig cfg) {
        try {
            return ClusterNode.start(cfg.cluster()).await();
        } catch (RuntimeException e) {
            throw new UserException("cannot join cluster '" + cfg.cluster().name() + "' on " + cfg.cluster().host() + ":"
                    + cfg.cluster().port() + ": " + e.getMessage(), 1);
        }
    }
}
