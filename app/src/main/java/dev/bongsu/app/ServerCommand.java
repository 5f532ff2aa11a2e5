package dev.bongsu.app;

import dev.bongsu.app.cluster.AssignmentsEndpoint;
import dev.bongsu.app.cluster.ClusterAddresses;
import dev.bongsu.app.cluster.ClusterNode;
import dev.bongsu.app.cluster.DeliveredLedger;
import dev.bongsu.app.cluster.ClusterIncidentIds;
import dev.bongsu.app.cluster.LocalDetectorEvents;
import dev.bongsu.app.cluster.OutboxTakeover;
import dev.bongsu.app.cluster.PagerLease;
import dev.bongsu.app.cluster.ProbeRoster;
import dev.bongsu.app.cluster.RecordReplicator;
import dev.bongsu.app.cluster.ResultIntake;
import dev.bongsu.app.cluster.ServerBeacon;
import dev.bongsu.app.reload.ConfigFile;
import dev.bongsu.app.reload.ConfigReloader;
import dev.bongsu.app.reload.LoadedConfig;
import dev.bongsu.app.reload.ReloadRoutes;
import dev.bongsu.app.reload.Reloading;
import dev.bongsu.model.config.BongsuConfig;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bongsu server}: a server of a cluster (aggregator, detector, alerting, status page), one of one or two. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {
            "Run a server of a Bongsu cluster: join the cluster of the configuration's 'cluster' section and run the "
                    + "aggregator, detector, alerting, status page and /metrics on the results of every probe node.",
            "Two servers may run: both store and detect everything; the one holding the cluster's pager lease "
                    + "delivers notifications, the other takes over when it dies. Stop with Ctrl-C or SIGTERM."
        })
final class ServerCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger("server");

    @Mixin
    private ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        ConfigFile file = options.file();
        LoadedConfig loaded = file.load();
        BongsuConfig cfg = loaded.config();
        ClusterNode node = ProbeCommand.joinCluster(cfg);
        LocalDetectorEvents.install(node.vertx().eventBus());
        BongsuConfig running = cfg;
        ResultIntake intake = new ResultIntake(node);
        ServerParts parts;
        PagerLease lease;
        ServerBeacon beacon;
        DeliveredLedger ledger = new DeliveredLedger(node, node.nodeId());
        List<RecordReplicator> replicas;
        try {
            parts = ServerParts.start(node.vertx(), running, Clock.systemUTC(), new ClusterIncidentIds(), node.nodeId(), true).await();
            OutboxTakeover takeover = new OutboxTakeover(parts.alerting().outbox(), ledger);
            // Operator-made records every server must hold alike: silences, human incident updates, scheduled maintenance,
            // declared incidents and postmortems, public subscribers (either server takes sign-ups; the lease holder delivers).
            replicas = List.of(new RecordReplicator(node, parts.alerting().silences()),
                    new RecordReplicator(node, parts.updates()),
                    new RecordReplicator(node, parts.alerting().maintenance()),
                    new RecordReplicator(node, parts.alerting().acks()),
                    new RecordReplicator(node, parts.operatorIncidents().declaredRecords()),
                    new RecordReplicator(node, parts.operatorIncidents().postmortemRecords()),
                    new RecordReplicator(node, parts.subscribers().records()));
            takeover.standby();
            lease = new PagerLease(node, () -> takeover.takeOver().onComplete(ar -> parts.subscriptionDelivery().outbox().resume()));
            beacon = new ServerBeacon(node, lease::isActive);
            AssignmentsEndpoint assignments = AssignmentsEndpoint.forConfig(node, new ProbeRoster(node), running);
            assignments.mount(parts.http().router());
            // reload: this server's parts, then what it judges assignments by; probe nodes are told to reload their file
            List<ConfigReloader.Step> steps = new java.util.ArrayList<>(parts.reloadSteps());
            steps.add(new ConfigReloader.Step("assignments", next -> {
                assignments.reconfigure(next);
                return io.vertx.core.Future.succeededFuture();
            }));
            ConfigReloader reloader = Reloading.start(node.vertx(), file, loaded, steps);
            reloader.onReloaded(now -> node.vertx().eventBus().publish(ClusterAddresses.CONFIG_RELOADED,
                    new io.vertx.core.json.JsonObject().put("node", node.nodeId()).put("hash", now.hash())));
            assignments.configHash(() -> reloader.running().hash());
            beacon.configHash(() -> reloader.running().hash());
            new ReloadRoutes(reloader).mount(parts.http().router());
            ledger.start()
                    .compose(v -> RecordReplicator.startAll(replicas))
                    .compose(v -> intake.start())
                    .compose(v -> lease.start())
                    .compose(v -> beacon.start())
                    .await();
        } catch (RuntimeException e) {
            node.close().await();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("server " + node.nodeId() + " stopping");
            try {
                beacon.stop().transform(v -> intake.stop()).transform(v -> lease.stop()).transform(v -> ledger.stop())
                        .transform(v -> RecordReplicator.stopAll(replicas))
                        .transform(v -> parts.close()).transform(v -> node.close())
                        .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The JVM is exiting anyway; the cluster notices a node that did not leave cleanly.
            }
            stopped.countDown();
        }, "bongsu-server-shutdown"));
        LOG.info("server " + node.nodeId() + " up: status page and API on http://" + running.http().host() + ":"
                + parts.http().actualPort() + "/; cluster '" + running.cluster().name() + "' has "
                + node.liveNodes().size() + " member(s); configuration " + loaded.hash() + " from " + file.path());
        stopped.await();
        return 0;
    }
}
