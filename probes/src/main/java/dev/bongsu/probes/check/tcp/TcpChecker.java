package dev.bongsu.probes.check.tcp;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.TcpTarget;
import dev.bongsu.probes.check.Checker;
import dev.bongsu.probes.check.Connector;
import dev.bongsu.probes.check.ProbeAttempt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Probes a TCP port: resolve, connect, close; passes when the connection is accepted. */
public final class TcpChecker implements Checker {
    private final Vertx vertx;
    private final Connector connector;

    /** A checker connecting through {@code connector}. */
    public TcpChecker(Vertx vertx, Connector connector) {
        this.vertx = vertx;
        this.connector = connector;
    }

    @Override
    public CheckType type() {
        return CheckType.TCP;
    }

    @Override
    public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
        ProbeAttempt a = new ProbeAttempt(vertx, check, vantage, startedAtMs);
        TcpTarget target = (TcpTarget) check.target();
        connector.resolve(a, target.host())
                .compose(address -> connector.connect(a, address, target.port()))
                .onSuccess(socket -> a.succeed(0));
        return a.future();
    }
}
