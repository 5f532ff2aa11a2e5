package dev.bongsu.probes.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.probes.check.Connector;
import dev.bongsu.probes.check.Fixtures;
import dev.bongsu.probes.check.HostileServers;
import dev.bongsu.probes.check.StalledHandshake;
import dev.bongsu.probes.check.TestCerts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCheckerTest {
    private static final String SECRET = "s3cr3t-T0KEN";
    /** TLS probes get a generous timeout: the first handshakes load key stores and crypto on a busy machine. */
    private static final Duration TLS_TIMEOUT = Duration.ofSeconds(20);
    private static Vertx vertx;
    private static HostileServers hostile;
    private static HttpChecker checker;
    private static HttpChecker trustingChecker;
    private static int port;
    private static int tlsPort;
    private static int expiredTlsPort;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        hostile = new HostileServers(vertx);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        server.requestHandler(HttpCheckerTest::handle);
        port = server.listen().await().actualPort();

        var cert = TestCerts.selfSigned("localhost", java.time.Instant.now().minus(Duration.ofDays(1)),
                java.time.Instant.now().plus(Duration.ofDays(30)));
        HttpServer tls = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(TestCerts.key(cert)));
        tls.requestHandler(HttpCheckerTest::handle);
        tlsPort = tls.listen().await().actualPort();

        Path expired = TestCerts.expiredCaSigned();
        HttpServer old = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(TestCerts.key(expired)));
        old.requestHandler(HttpCheckerTest::handle);
        expiredTlsPort = old.listen().await().actualPort();

        checker = new HttpChecker(vertx, new Connector(vertx, Fixtures.resolver(Fixtures.NAMES), null));
        // trusts the self-signed and the expired certificate, so only what else is wrong with them shows
        trustingChecker = new HttpChecker(vertx, new Connector(vertx, Fixtures.resolver(Fixtures.NAMES),
                new io.vertx.core.net.PemTrustOptions().addCertPath(cert.certificate().getPath())));
        trustingExpired = new HttpChecker(vertx, new Connector(vertx, Fixtures.resolver(Fixtures.NAMES), TestCerts.trustCa(TestCerts.expiredDir())));
    }

    private static HttpChecker trustingExpired;

    @AfterAll
    static void stop() throws Exception {
        hostile.close();
        vertx.close().await();
    }

    private static void handle(HttpServerRequest req) {
        String path = req.path();
        switch (path) {
            case "/ok" -> req.response().end("hello world");
            case "/json" -> req.response().putHeader("content-type", "application/json")
                    .end("{\"status\":\"ok\",\"count\":3,\"nested\":{\"up\":true}}");
            case "/redirect" -> req.response().setStatusCode(302).putHeader("location", "/ok").end();
            case "/redirect-abs" -> req.response().setStatusCode(301)
                    .putHeader("location", "http://svc.test:" + port + "/ok").end();
            case "/loop" -> req.response().setStatusCode(302).putHeader("location", "/loop").end();
            case "/chunked" -> {
                req.response().setChunked(true);
                req.response().write("first part, ");
                req.response().end("second part with the keyword");
            }
            case "/echo" -> req.body().onSuccess(b -> req.response().end(req.method() + " " + req.getHeader("X-Test") + " "
                    + req.getHeader("Host") + " " + b));
            default -> {
                if (path.startsWith("/status/")) {
                    req.response().setStatusCode(Integer.parseInt(path.substring(8))).end("status body");
                } else {
                    req.response().setStatusCode(404).end();
                }
            }
        }
    }

    private static ProbeResult probe(HttpChecker c, CheckConfig check) throws Exception {
        ProbeResult r = probeOnce(c, check);
        int port = ((HttpTarget) check.target()).url().getPort();
        if ((port == tlsPort || port == expiredTlsPort) && StalledHandshake.is(r)) {
            // Our own TLS servers always answer a handshake: this is Vert.x's stall (see StalledHandshake), not the case.
            System.out.println("retrying a stalled handshake: " + r.detail());
            r = probeOnce(c, check);
        }
        return r;
    }

    private static ProbeResult probeOnce(HttpChecker c, CheckConfig check) throws Exception {
        return c.probe(check, "seoul", Fixtures.NOW).toCompletionStage().toCompletableFuture()
                .get(check.timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
    }

    private static ProbeResult probe(CheckConfig check) throws Exception {
        return probe(checker, check);
    }

    private static String url(String path) {
        return "http://svc.test:" + port + path;
    }

    @Test
    void passesAndTimesEachPhase() throws Exception {
        ProbeResult r = probe(Fixtures.http(url("/ok")).check());
        assertThat(r.ok()).as(r.detail()).isTrue();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.vantage()).isEqualTo("seoul");
        assertThat(r.startedAt()).isEqualTo(Fixtures.NOW);
        Timings t = r.timings();
        assertThat(t.dnsMs()).isGreaterThanOrEqualTo(0);
        assertThat(t.connectMs()).isGreaterThanOrEqualTo(0);
        assertThat(t.tlsMs()).isEqualTo(Timings.NOT_MEASURED);
        assertThat(t.firstByteMs()).isGreaterThanOrEqualTo(0);
        assertThat(t.totalMs()).isGreaterThanOrEqualTo(t.connectMs() + t.firstByteMs());
    }

    @Test
    void anIpLiteralNeedsNoDns() throws Exception {
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + port + "/ok").check());
        assertThat(r.ok()).as(r.detail()).isTrue();
        assertThat(r.timings().dnsMs()).isEqualTo(Timings.NOT_MEASURED);
    }

    @Test
    void sendsMethodHeadersAndBody() throws Exception {
        ProbeResult r = probe(Fixtures.http(url("/echo")).method("POST").headers(Map.of("X-Test", "hdr"))
                .body("payload").contains("POST hdr svc.test:" + port + " payload").check());
        assertThat(r.ok()).as(r.detail()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"/status/500, 2xx, http_5xx", "/status/503, 2xx, http_5xx", "/status/404, 2xx, http_4xx",
            "/status/204, 200, http_status", "/status/404, 404, ", "/redirect, 3xx, "})
    void classifiesUnexpectedStatus(String path, String expect, String error) throws Exception {
        ProbeResult r = probe(Fixtures.http(url(path)).status(expect).follow(false).check());
        if (error == null) {
            assertThat(r.ok()).as(r.detail()).isTrue();
        } else {
            assertThat(r.error()).isEqualTo(ErrorClass.fromWire(error));
            assertThat(r.detail()).startsWith("status " + path.substring(path.lastIndexOf('/') + 1).replace("redirect", "302"));
        }
    }

    @Test
    void assertsAKeywordInTheBody() throws Exception {
        assertThat(probe(Fixtures.http(url("/ok")).contains("world").check()).ok()).isTrue();
        ProbeResult r = probe(Fixtures.http(url("/ok")).contains("absent").check());
        assertThat(r.error()).isEqualTo(ErrorClass.ASSERTION);
        assertThat(r.detail()).isEqualTo("body does not contain 'absent'");
        assertThat(probe(Fixtures.http(url("/chunked")).contains("with the keyword").check()).ok()).isTrue();
    }

    @Test
    void assertsAJsonPointer() throws Exception {
        assertThat(probe(Fixtures.http(url("/json")).json("/status", "ok").check()).ok()).isTrue();
        assertThat(probe(Fixtures.http(url("/json")).json("/count", "3").check()).ok()).isTrue();
        assertThat(probe(Fixtures.http(url("/json")).json("/nested/up", "true").check()).ok()).isTrue();
        ProbeResult wrong = probe(Fixtures.http(url("/json")).json("/status", "degraded").check());
        assertThat(wrong.error()).isEqualTo(ErrorClass.ASSERTION);
        assertThat(wrong.detail()).isEqualTo("JSON /status is 'ok', expected 'degraded'");
        assertThat(probe(Fixtures.http(url("/json")).json("/missing", "x").check()).detail())
                .isEqualTo("JSON pointer /missing not found");
        assertThat(probe(Fixtures.http(url("/ok")).json("/status", "ok").check()).detail()).isEqualTo("body is not valid JSON");
    }

    @Test
    void followsRedirectsWithinTheBound() throws Exception {
        ProbeResult r = probe(Fixtures.http(url("/redirect")).contains("hello").check());
        assertThat(r.ok()).as(r.detail()).isTrue();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(probe(Fixtures.http("http://127.0.0.1:" + port + "/redirect-abs").check()).ok()).isTrue();
        ProbeResult none = probe(Fixtures.http(url("/redirect")).maxRedirects(0).check());
        assertThat(none.error()).isEqualTo(ErrorClass.TOO_MANY_REDIRECTS);
    }

    @Test
    void aRedirectLoopIsTooManyRedirects() throws Exception {
        ProbeResult r = probe(Fixtures.http(url("/loop")).maxRedirects(5).check());
        assertThat(r.error()).isEqualTo(ErrorClass.TOO_MANY_REDIRECTS);
        assertThat(r.detail()).isEqualTo("more than 5 redirects");
        assertThat(r.statusCode()).isEqualTo(302);
    }

    @Test
    void aHugeBodyIsReadOnlyUpToTheBound() throws Exception {
        int p = hostile.endlessBody("{\"status\":\"ok\"} and then a lot more");
        long closesBefore = hostile.clientCloses.get();
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + p + "/").contains("\"ok\"").maxBody(65_536)
                .timeout(Duration.ofSeconds(5)).check());
        assertThat(r.ok()).as(r.detail()).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hostile.clientCloses.get() > closesBefore);
        // the server could push only what fits in socket buffers before the probe closed the connection
        assertThat(hostile.endlessBytesSent.get()).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void garbageInsteadOfHttpIsAProtocolError() throws Exception {
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + hostile.garbage() + "/").check());
        assertThat(r.error()).isEqualTo(ErrorClass.PROTOCOL);
        assertThat(r.detail()).startsWith("not an HTTP/1.x response: 'SSH-2.0-OpenSSH");
    }

    @Test
    void aServerThatAcceptsAndHangsIsAReadTimeout() throws Exception {
        long closes = hostile.clientCloses.get();
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + hostile.hang() + "/").timeout(Duration.ofMillis(500)).check());
        assertThat(r.error()).isEqualTo(ErrorClass.READ_TIMEOUT);
        assertThat(r.detail()).startsWith("no response from 127.0.0.1:").endsWith("within 500 ms");
        assertThat(r.timings().totalMs()).isGreaterThanOrEqualTo(500);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hostile.clientCloses.get() > closes);
    }

    @Test
    void aTricklingServerIsAReadTimeoutWithinTheTimeout() throws Exception {
        long closes = hostile.clientCloses.get();
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + hostile.trickle() + "/").timeout(Duration.ofMillis(1_500)).check());
        assertThat(r.error()).isEqualTo(ErrorClass.READ_TIMEOUT);
        assertThat(r.detail()).startsWith("response from 127.0.0.1:").endsWith("not complete within 1500 ms");
        assertThat(r.timings().firstByteMs()).isGreaterThanOrEqualTo(0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hostile.clientCloses.get() > closes);
    }

    @Test
    void aServerClosingWithoutAnswerIsAProtocolError() throws Exception {
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + hostile.closeAtOnce() + "/").check());
        assertThat(r.error()).isEqualTo(ErrorClass.PROTOCOL);
        assertThat(r.detail()).isEqualTo("connection closed without a response");
    }

    @Test
    void aResetConnectionIsConnectionReset() throws Exception {
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + hostile.reset() + "/").check());
        assertThat(r.error()).as(r.detail()).isEqualTo(ErrorClass.CONNECTION_RESET);
    }

    @Test
    void aClosedPortIsConnectRefused() throws Exception {
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + HostileServers.closedPort() + "/").check());
        assertThat(r.error()).isEqualTo(ErrorClass.CONNECT_REFUSED);
        assertThat(r.detail()).startsWith("connection refused by 127.0.0.1:");
    }

    @Test
    void anUnansweredConnectIsConnectTimeout() throws Exception {
        ProbeResult r = probe(Fixtures.http("http://127.0.0.1:" + hostile.fullBacklog() + "/").timeout(Duration.ofMillis(700)).check());
        assertThat(r.error()).as(r.detail()).isEqualTo(ErrorClass.CONNECT_TIMEOUT);
        assertThat(r.detail()).startsWith("connect to 127.0.0.1:").contains("timed out");
    }

    @Test
    void anUnknownHostIsDnsAndAHangingResolverIsADnsTimeout() throws Exception {
        ProbeResult r = probe(Fixtures.http("http://nowhere.test:" + port + "/").check());
        assertThat(r.error()).isEqualTo(ErrorClass.DNS);
        assertThat(r.detail()).isEqualTo("cannot resolve nowhere.test: nowhere.test: NXDOMAIN");
        ProbeResult slow = probe(Fixtures.http("http://blackhole.test:" + port + "/").timeout(Duration.ofMillis(300)).check());
        assertThat(slow.error()).isEqualTo(ErrorClass.DNS);
        assertThat(slow.detail()).isEqualTo("name resolution of blackhole.test timed out after 300 ms");
    }

    @Test
    void httpsWithATrustedCertificateTimesTheHandshake() throws Exception {
        ProbeResult r = probe(trustingChecker, Fixtures.http("https://localhost:" + tlsPort + "/ok").timeout(TLS_TIMEOUT).check());
        assertThat(r.ok()).as(r.detail()).isTrue();
        assertThat(r.timings().tlsMs()).isGreaterThan(0);
    }

    @Test
    void aSelfSignedCertificateFailsVerificationUnlessVerificationIsOff() throws Exception {
        ProbeResult r = probe(Fixtures.http("https://localhost:" + tlsPort + "/ok").timeout(TLS_TIMEOUT).check());
        assertThat(r.error()).isEqualTo(ErrorClass.TLS);
        assertThat(r.detail()).isEqualTo("TLS with localhost:" + tlsPort + " failed: certificate not trusted (self-signed or unknown issuer)");
        assertThat(probe(Fixtures.http("https://localhost:" + tlsPort + "/ok").timeout(TLS_TIMEOUT).verify(false).check()).ok()).isTrue();
    }

    @Test
    void aCertificateForAnotherNameFailsVerification() throws Exception {
        ProbeResult r = probe(trustingChecker, Fixtures.http("https://other.test:" + tlsPort + "/ok").timeout(TLS_TIMEOUT).check());
        assertThat(r.error()).isEqualTo(ErrorClass.TLS);
        assertThat(r.detail()).endsWith("certificate does not match the host name");
    }

    @Test
    void anExpiredCertificateFailsVerification() throws Exception {
        ProbeResult r = probe(trustingExpired, Fixtures.http("https://localhost:" + expiredTlsPort + "/ok").timeout(TLS_TIMEOUT).check());
        assertThat(r.error()).isEqualTo(ErrorClass.TLS);
        assertThat(r.detail()).endsWith("certificate expired or not yet valid");
        assertThat(probe(trustingExpired, Fixtures.http("https://localhost:" + expiredTlsPort + "/ok").timeout(TLS_TIMEOUT).verify(false).check()).ok()).isTrue();
    }

    @Test
    void httpsToAPlainServerIsTlsAndPlainToATlsServerIsProtocol() throws Exception {
        assertThat(probe(Fixtures.http("https://127.0.0.1:" + port + "/ok").timeout(TLS_TIMEOUT).verify(false).check()).error()).isEqualTo(ErrorClass.TLS);
        assertThat(probe(Fixtures.http("http://127.0.0.1:" + tlsPort + "/ok").check()).error()).isEqualTo(ErrorClass.PROTOCOL);
    }

    @Test
    void noFailureDetailRevealsHeadersOrTheUrl() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + SECRET, "X-Api-Key", SECRET);
        List<String> urls = List.of(url("/status/500"), url("/status/401"), url("/loop"), url("/ok"),
                "http://127.0.0.1:" + hostile.garbage() + "/", "http://127.0.0.1:" + HostileServers.closedPort() + "/",
                "http://nowhere.test:1/", "https://localhost:" + tlsPort + "/", "http://127.0.0.1:" + hostile.hang() + "/");
        for (String u : urls) {
            ProbeResult r = probe(Fixtures.http(u + "?token=" + SECRET).headers(auth).json("/x", "y").timeout(Duration.ofMillis(300)).check());
            assertThat(r.ok()).isFalse();
            assertThat(r.detail()).as(u).doesNotContain(SECRET).doesNotContain("token");
        }
    }
}
