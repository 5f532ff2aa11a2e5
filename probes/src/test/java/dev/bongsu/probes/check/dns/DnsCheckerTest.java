package dev.bongsu.probes.check.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.DnsTarget;
import dev.bongsu.probes.check.Fixtures;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsCheckerTest {
    private static Vertx vertx;
    private static TestDnsServer server;
    private static int port;
    private static DnsChecker checker;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = new TestDnsServer(vertx);
        port = server.start();
        checker = new DnsChecker(vertx);
    }

    @AfterAll
    static void stop() {
        server.close();
        vertx.close().await();
    }

    private static ProbeResult probe(String name, String type, Duration timeout) throws Exception {
        var check = Fixtures.check("svc.dns", CheckType.DNS, new DnsTarget(name, type, "127.0.0.1", port), timeout);
        return checker.probe(check, "seoul", Fixtures.NOW).toCompletionStage().toCompletableFuture()
                .get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AAAA", "TXT", "MX", "NS", "CNAME"})
    void resolvesEachRecordType(String type) throws Exception {
        ProbeResult r = probe("ok.test", type, Duration.ofSeconds(5));
        assertThat(r.ok()).as(r.detail()).isTrue();
        assertThat(r.timings().dnsMs()).isGreaterThanOrEqualTo(0);
        assertThat(r.timings().totalMs()).isGreaterThanOrEqualTo(r.timings().dnsMs());
    }

    @Test
    void anEmptyAnswerIsDns() throws Exception {
        ProbeResult r = probe("empty.test", "A", Duration.ofSeconds(5));
        assertThat(r.error()).isEqualTo(ErrorClass.DNS);
        assertThat(r.detail()).isEqualTo("no A records for empty.test");
    }

    @Test
    void anErrorAnswerIsDns() throws Exception {
        ProbeResult missing = probe("missing.test", "A", Duration.ofSeconds(5));
        assertThat(missing.error()).isEqualTo(ErrorClass.DNS);
        assertThat(missing.detail()).isEqualTo("A missing.test @127.0.0.1:" + port + " answered NXDOMAIN");
        ProbeResult broken = probe("broken.test", "A", Duration.ofSeconds(5));
        assertThat(broken.error()).isEqualTo(ErrorClass.DNS);
        assertThat(broken.detail()).endsWith("answered SERVFAIL");
    }

    @Test
    void noAnswerIsATimeout() throws Exception {
        ProbeResult r = probe("slow.test", "A", Duration.ofMillis(400));
        assertThat(r.error()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(r.detail()).isEqualTo("DNS query A slow.test @127.0.0.1:" + port + " not answered within 400 ms");
    }
}
