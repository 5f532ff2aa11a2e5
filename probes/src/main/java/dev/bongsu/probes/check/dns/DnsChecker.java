package dev.bongsu.probes.check.dns;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DnsTarget;
import dev.bongsu.probes.check.Checker;
import dev.bongsu.probes.check.ProbeAttempt;
import dev.bongsu.probes.check.ProbePhase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.dns.DnsException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes DNS: asks a resolver (the configured one, else the system's) for a name and record type and passes when
 * the answer holds at least one record. An error answer (NXDOMAIN, SERVFAIL, …) or an empty one is {@code dns}; no
 * answer within the timeout is {@code timeout}. The timed lookup is reported as {@code dnsMs}.
 */
public final class DnsChecker implements Checker {
    private final Vertx vertx;
    private final Map<String, DnsClient> clients = new ConcurrentHashMap<>();

    /** A checker on {@code vertx}. */
    public DnsChecker(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public CheckType type() {
        return CheckType.DNS;
    }

    @Override
    public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
        ProbeAttempt a = new ProbeAttempt(vertx, check, vantage, startedAtMs);
        DnsTarget target = (DnsTarget) check.target();
        String query = target.recordType().toUpperCase(Locale.ROOT) + " " + target.name()
                + (target.resolverHost() == null ? "" : " @" + target.resolverHost() + ":" + target.resolverPort());
        a.enter(ProbePhase.QUERY, query);
        long t = System.nanoTime();
        lookup(client(target, check.timeout().toMillis()), target).onComplete(ar -> {
            if (a.done()) {
                return;
            }
            a.addDns(ProbeAttempt.since(t));
            if (ar.succeeded()) {
                if (ar.result().isEmpty()) {
                    a.fail(ErrorClass.DNS, 0, "no " + target.recordType() + " records for " + target.name());
                } else {
                    a.succeed(0);
                }
            } else if (ar.cause() instanceof DnsException e) {
                a.fail(ErrorClass.DNS, 0, query + " answered " + e.code().name());
            } else if (String.valueOf(ar.cause().getMessage()).toLowerCase(Locale.ROOT).contains("timeout")
                    || String.valueOf(ar.cause().getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
                a.fail(ErrorClass.TIMEOUT, 0, ProbePhase.QUERY.timeoutDetail(query, check.timeout().toMillis()));
            } else {
                a.fail(ar.cause());
            }
        });
        return a.future();
    }

    private DnsClient client(DnsTarget target, long timeoutMs) {
        String key = target.resolverHost() + ":" + target.resolverPort() + "/" + timeoutMs;
        return clients.computeIfAbsent(key, k -> {
            DnsClientOptions options = new DnsClientOptions().setQueryTimeout(Math.max(1, timeoutMs)).setRecursionDesired(true);
            if (target.resolverHost() != null) {
                options.setHost(target.resolverHost()).setPort(target.resolverPort());
            }
            return vertx.createDnsClient(options);
        });
    }

    private static Future<List<?>> lookup(DnsClient client, DnsTarget target) {
        String name = target.name();
        return switch (target.recordType().toUpperCase(Locale.ROOT)) {
            case "A" -> client.resolveA(name).map(l -> l);
            case "AAAA" -> client.resolveAAAA(name).map(l -> l);
            case "CNAME" -> client.resolveCNAME(name).map(l -> l);
            case "MX" -> client.resolveMX(name).map(l -> l);
            case "NS" -> client.resolveNS(name).map(l -> l);
            case "TXT" -> client.resolveTXT(name).map(l -> l);
            default -> Future.failedFuture(new IllegalArgumentException("unsupported record type " + target.recordType()));
        };
    }
}
