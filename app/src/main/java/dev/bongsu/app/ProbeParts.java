package dev.bongsu.app;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.probes.ProbeVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Probe verticles for one or more vantages in this process, each probing every configured check. */
final class ProbeParts {
    private final Vertx vertx;
    private final Map<String, ProbeVerticle> byVantage = new LinkedHashMap<>();
    private final List<String> deploymentIds = new ArrayList<>();

    private ProbeParts(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Deploys one probe verticle per vantage, one after the other. */
    static Future<ProbeParts> start(Vertx vertx, BongsuConfig cfg, List<String> vantages) {
        ProbeParts parts = new ProbeParts(vertx);
        Future<Void> chain = Future.succeededFuture();
        for (String vantage : vantages) {
            chain = chain.compose(v -> {
                ProbeVerticle verticle = new ProbeVerticle(vantage, cfg.checks(), cfg.probes());
                return vertx.deployVerticle(verticle).map(id -> {
                    parts.byVantage.put(vantage, verticle);
                    parts.deploymentIds.add(id);
                    return null;
                });
            });
        }
        return chain.map(v -> parts).recover(e -> parts.close().transform(ignored -> Future.failedFuture(e)));
    }

    /** The probe verticle of a vantage, or {@code null}. */
    ProbeVerticle vantage(String name) {
        return byVantage.get(name);
    }

    /** Undeploys every probe verticle. */
    Future<Void> close() {
        List<Future<Void>> undeployed = new ArrayList<>();
        for (String id : deploymentIds) {
            undeployed.add(vertx.undeploy(id).otherwiseEmpty());
        }
        deploymentIds.clear();
        return Future.join(undeployed).mapEmpty();
    }
}
