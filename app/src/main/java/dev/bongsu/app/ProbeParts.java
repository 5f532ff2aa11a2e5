package dev.bongsu.app;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.probes.ProbePlane;
import dev.bongsu.probes.ProbeVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probe verticles for one or more vantages in this process, each probing every configured check, on a
 * {@link ProbePlane}: event loops of their own, none shared with the public listeners, their output handed to the
 * event bus of {@code vertx} as if they ran there.
 */
final class ProbeParts {
    private final ProbePlane plane;
    private final Map<String, ProbeVerticle> byVantage = new LinkedHashMap<>();

    private ProbeParts(ProbePlane plane) {
        this.plane = plane;
    }

    /** Starts the probe plane, then one probe verticle per vantage, one after the other. */
    static Future<ProbeParts> start(Vertx vertx, BongsuConfig cfg, List<String> vantages) {
        return ProbePlane.start(vertx).compose(plane -> {
            ProbeParts parts = new ProbeParts(plane);
            Future<Void> chain = Future.succeededFuture();
            for (String vantage : vantages) {
                chain = chain.compose(v -> plane.deploy(new ProbeVerticle(vantage, cfg.checks(), cfg.probes(), plane.output()))
                        .map(verticle -> {
                            parts.byVantage.put(vantage, verticle);
                            return null;
                        }));
            }
            return chain.map(v -> parts).recover(e -> parts.close().transform(ignored -> Future.failedFuture(e)));
        });
    }

    /** The probe verticle of a vantage, or {@code null}. */
    ProbeVerticle vantage(String name) {
        return byVantage.get(name);
    }

    /** Undeploys every probe verticle and closes the probe plane. */
    Future<Void> close() {
        return plane.close();
    }
}
