package dev.bongsu.probes.check;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.probes.check.dns.DnsChecker;
import dev.bongsu.probes.check.http.HttpChecker;
import dev.bongsu.probes.check.tcp.TcpChecker;
import dev.bongsu.probes.check.tls.TlsChecker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The checkers of a probe node, one per check type, registered here and nowhere else. */
public final class Checkers {
    private final Map<CheckType, Checker> byType = new EnumMap<>(CheckType.class);

    /** A registry of {@code checkers}; each type at most once. */
    public Checkers(List<Checker> checkers) {
        for (Checker c : checkers) {
            if (byType.put(c.type(), c) != null) {
                throw new IllegalArgumentException("two checkers for check type " + c.type().wireName());
            }
        }
    }

    /** The standard checkers, verifying TLS against the JDK's CA certificates. */
    public static Checkers standard(Vertx vertx) {
        return standard(vertx, null);
    }

    /** The standard checkers, verifying TLS against {@code trust} ({@code null}: the JDK's CA certificates). */
    public static Checkers standard(Vertx vertx, TrustOptions trust) {
        Connector connector = new Connector(vertx, new VertxHostResolver(vertx), trust);
        return new Checkers(List.of(
                new HttpChecker(vertx, connector),
                new TcpChecker(vertx, connector),
                new DnsChecker(vertx),
                new TlsChecker(vertx, connector)));
    }

    /**
     * Runs one probe with the checker of its type; never fails: a missing checker or a bug is {@code internal}, a
     * checker that could not start for want of a local resource (a socket, a thread) is {@code local_resource}.
     */
    public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
        Checker checker = byType.get(check.type());
        if (checker == null) {
            return Future.succeededFuture(internal(check, vantage, startedAtMs, "no checker for type " + check.type().wireName()));
        }
        try {
            return checker.probe(check, vantage, startedAtMs)
                    .recover(e -> Future.succeededFuture(unexpected(check, vantage, startedAtMs, e)));
        } catch (RuntimeException | VirtualMachineError e) {
            return Future.succeededFuture(unexpected(check, vantage, startedAtMs, e));
        }
    }

    private static ProbeResult unexpected(CheckConfig check, String vantage, long startedAtMs, Throwable e) {
        if (Failures.isLocal(e)) {
            Failure f = Failures.local(e, "check " + check.id());
            return ProbeResult.failure(check.id(), check.serviceId(), vantage, startedAtMs, f.error(), 0, Timings.total(0), f.detail());
        }
        return internal(check, vantage, startedAtMs, "checker failed: " + Failures.reason(e));
    }

    private static ProbeResult internal(CheckConfig check, String vantage, long startedAtMs, String detail) {
        return ProbeResult.failure(check.id(), check.serviceId(), vantage, startedAtMs, ErrorClass.INTERNAL, 0, Timings.total(0), detail);
    }
}
