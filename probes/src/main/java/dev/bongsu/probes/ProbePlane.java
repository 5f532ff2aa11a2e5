package dev.bongsu.probes;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The probe plane of a process: probe verticles on a Vert.x instance of their own, so on event loops that no public
 * listener, store or cluster link of the process uses; a public listener kept busy (or blocked) cannot delay a probe,
 * its deadline or its result. Results and statistics reach the main instance's event bus through a
 * {@link ProbeBridge} (a method call, no event), exactly as if the probe verticles ran there, so the aggregator, the
 * detector and a cluster's result relay take them unchanged.
 */
public final class ProbePlane {
    private final Vertx home;
    private final Vertx probes;
    private final ProbeBridge bridge;
    private final String bridgeId;
    private final List<String> deployments = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ProbePlane(Vertx home, Vertx probes, ProbeBridge bridge, String bridgeId) {
        this.home = home;
        this.probes = probes;
        this.bridge = bridge;
        this.bridgeId = bridgeId;
    }

    /** Starts a plane whose output goes to the event bus of {@code home}, with the default number of event loops. */
    public static Future<ProbePlane> start(Vertx home) {
        return start(home, VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE);
    }

    /** Starts a plane of {@code eventLoops} event loops whose output goes to the event bus of {@code home}. */
    public static Future<ProbePlane> start(Vertx home, int eventLoops) {
        ProbeBridge bridge = new ProbeBridge();
        // Built on a plain thread: a Vert.x instance made on another instance's thread shares nothing with it, but
        // Vert.x warns about it at every start.
        CompletableFuture<Vertx> own = CompletableFuture.supplyAsync(() -> Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops)));
        return Future.fromCompletionStage(own, home.getOrCreateContext())
                .compose(probes -> home.deployVerticle(bridge, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                        .map(id -> new ProbePlane(home, probes, bridge, id))
                        .recover(e -> probes.close().transform(v -> Future.<ProbePlane>failedFuture(e))));
    }

    /** Where the plane's probe verticles send their output: build them with it. */
    public ProbeOutput output() {
        return bridge;
    }

    /** The plane's own Vert.x instance. */
    public Vertx vertx() {
        return probes;
    }

    /** Deploys a probe verticle (built with {@link #output()}) on the plane. */
    public Future<ProbeVerticle> deploy(ProbeVerticle verticle) {
        return probes.deployVerticle(verticle).map(id -> {
            deployments.add(id);
            return verticle;
        });
    }

    /** Undeploys the probe verticles (their last batches still go out), closes the plane's instance and the bridge. */
    public Future<Void> close() {
        List<Future<Void>> undeployed = new ArrayList<>();
        for (String id : deployments) {
            undeployed.add(probes.undeploy(id).otherwiseEmpty());
        }
        deployments.clear();
        return Future.join(undeployed)
                .transform(v -> probes.close().otherwiseEmpty())
                .transform(v -> home.undeploy(bridgeId).otherwiseEmpty())
                .mapEmpty();
    }
}
