package dev.bongsu.probes.check;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DnsTarget;
import dev.bongsu.model.config.TcpTarget;
import dev.bongsu.model.config.TlsTarget;
import dev.bongsu.probes.check.dns.TestDnsServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetServerOptions;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The child program of {@code DescriptorExhaustionTest}, run in a JVM with a low descriptor limit: it starts real
 * loopback servers (HTTP, TCP, TLS, DNS) and the standard checkers, probes each once, then opens {@code /dev/null}
 * until the process has no descriptor left, probes each again, releases the descriptors and probes once more. Each
 * probe prints one line: {@code <round> <check> ok|<error class> <detail>}.
 */
public final class DescriptorEater {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private DescriptorEater() {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        Map<String, CheckConfig> checks = checks(vertx);
        Checkers checkers = Checkers.standard(vertx);
        round("before", checkers, checks);
        // Classes load from files: everything the failure path needs must be loaded while descriptors are left.
        System.out.println("warm-up " + Failures.classify(new java.net.SocketException("Too many open files"),
                ProbePhase.CONNECT, "127.0.0.1:1").error().wireName());
        List<InputStream> eaten = new ArrayList<>();
        try {
            while (true) {
                eaten.add(new FileInputStream("/dev/null"));
            }
        } catch (IOException e) {
            System.out.println("exhausted after " + eaten.size() + " descriptors: " + e.getMessage());
        }
        round("exhausted", checkers, checks);
        for (InputStream in : eaten) {
            in.close();
        }
        round("after", checkers, checks);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static Map<String, CheckConfig> checks(Vertx vertx) throws Exception {
        int http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(r -> r.response().end("ok")).listen().await().actualPort();
        int tcp = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
                .connectHandler(s -> { }).listen().await().actualPort();
        Instant now = Instant.now();
        var cert = TestCerts.selfSigned("localhost", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        int tls = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(TestCerts.key(cert))).connectHandler(s -> { }).listen().await().actualPort();
        int dns = new TestDnsServer(vertx).start();
        Map<String, CheckConfig> checks = new LinkedHashMap<>();
        checks.put("http", Fixtures.http("http://127.0.0.1:" + http + "/health").timeout(TIMEOUT).check());
        checks.put("tcp", Fixtures.check("svc.tcp", CheckType.TCP, new TcpTarget("127.0.0.1", tcp), TIMEOUT));
        checks.put("tls", Fixtures.check("svc.tls", CheckType.TLS, new TlsTarget("127.0.0.1", tls, 14, false), TIMEOUT));
        checks.put("dns", Fixtures.check("svc.dns", CheckType.DNS, new DnsTarget("ok.test", "A", "127.0.0.1", dns), TIMEOUT));
        return checks;
    }

    /** Probes every check once; a DNS check gets a timeout of its own each round, so each round makes a new client. */
    private static void round(String name, Checkers checkers, Map<String, CheckConfig> checks) throws Exception {
        for (Map.Entry<String, CheckConfig> e : checks.entrySet()) {
            CheckConfig c = e.getValue();
            if (c.type() == CheckType.DNS) {
                c = Fixtures.check(c.id(), c.type(), c.target(), TIMEOUT.plusMillis(name.length()));
            }
            ProbeResult r = checkers.probe(c, "seoul", System.currentTimeMillis()).toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            System.out.println(name + " " + e.getKey() + " " + (r.ok() ? "ok" : r.error().wireName() + " " + r.detail()));
        }
    }
}
