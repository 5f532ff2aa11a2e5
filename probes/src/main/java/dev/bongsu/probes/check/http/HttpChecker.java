package dev.bongsu.probes.check.http;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.probes.check.Checker;
import dev.bongsu.probes.check.Connector;
import dev.bongsu.probes.check.ProbeAttempt;
import dev.bongsu.probes.check.ProbePhase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Probes HTTP(S) with a fresh connection per probe (as blackbox_exporter does), speaking HTTP/1.1 by hand over a
 * Vert.x {@code NetClient} socket.
 *
 * <p>Why not Vert.x's {@code HttpClient}: each phase must be timed on its own and bounded on its own. Over a raw
 * socket the DNS lookup, the TCP connect, the TLS handshake (an explicit {@code upgradeToSsl}), the wait for the
 * first byte and the body read are separate steps, the body read stops at {@code maxBodyBytes} without any
 * buffering we do not control, garbage instead of HTTP is recognised on the first line, and a probe costs no
 * connection pool, no HTTP codec pipeline and no per-request objects beyond one buffer and one parser, which is
 * what lets one node run thousands of probes a second.
 *
 * <p>Timings: {@code dnsMs}, {@code connectMs} and {@code tlsMs} are the durations of those phases (summed over
 * redirect hops; not measured for IP literals and plain HTTP); {@code firstByteMs} is the time from the request
 * written to the first response byte of the last hop (the server's think time); {@code totalMs} is the whole probe.
 */
public final class HttpChecker implements Checker {
    private static final String USER_AGENT = "Bongsu-probe/0.1";
    private final Vertx vertx;
    private final Connector connector;
    /** The first hop's request of each configured target, built once: the same bytes go out on every probe. */
    private final Map<HttpTarget, Buffer> requests = new java.util.concurrent.ConcurrentHashMap<>();

    /** A checker connecting through {@code connector}. */
    public HttpChecker(Vertx vertx, Connector connector) {
        this.vertx = vertx;
        this.connector = connector;
    }

    @Override
    public CheckType type() {
        return CheckType.HTTP;
    }

    @Override
    public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
        ProbeAttempt a = new ProbeAttempt(vertx, check, vantage, startedAtMs);
        HttpTarget target = (HttpTarget) check.target();
        hop(a, target, target.url(), target.method(), target.body(), 0);
        return a.future();
    }

    private void hop(ProbeAttempt a, HttpTarget target, URI url, String method, String body, int redirects) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !scheme.equals("http") || url.getHost() == null) {
            a.fail(ErrorClass.PROTOCOL, 0, "unsupported URL scheme or missing host in a redirect");
            return;
        }
        String host = url.getHost();
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        connector.resolve(a, host)
                .compose(address -> connector.connect(a, address, port))
                .compose(socket -> https ? connector.startTls(a, socket, bare(host), target.verifyTls()) : Future.succeededFuture(socket))
                .onSuccess(socket -> exchange(a, target, socket, url, host, port, https, method, body, redirects));
    }

    private void exchange(ProbeAttempt a, HttpTarget target, NetSocket socket, URI url, String host, int port, boolean https,
                          String method, String body, int redirects) {
        boolean head = method.equalsIgnoreCase("HEAD");
        HttpResponseParser parser = new HttpResponseParser(target.maxBodyBytes(), BodyAssertions.needsBody(target), head);
        a.enter(ProbePhase.WAIT_RESPONSE);
        long sent = System.nanoTime();
        // after this hop's response is handled its socket is done with, whatever it still reports
        boolean[] handled = {false};
        socket.handler(buf -> {
            if (a.done() || handled[0]) {
                return;
            }
            if (!parser.started()) {
                a.firstByte(ProbeAttempt.since(sent));
                a.enter(ProbePhase.READ_RESPONSE);
            }
            if (parser.feed(buf)) {
                handled[0] = true;
                onResponse(a, target, parser, url, method, body, redirects);
            }
        });
        socket.exceptionHandler(e -> {
            if (!handled[0]) {
                handled[0] = true;
                a.fail(e);
            }
        });
        socket.endHandler(v -> {
            if (!a.done() && !handled[0]) {
                handled[0] = true;
                parser.end();
                onResponse(a, target, parser, url, method, body, redirects);
            }
        });
        boolean firstHop = redirects == 0;
        Buffer request = firstHop
                ? requests.computeIfAbsent(target, t -> request(t, url, host, port, https, method, body))
                : request(target, url, host, port, https, method, body);
        socket.write(request);
    }

    private void onResponse(ProbeAttempt a, HttpTarget target, HttpResponseParser r, URI url, String method, String body,
                            int redirects) {
        if (r.failed()) {
            a.fail(ErrorClass.PROTOCOL, r.status(), r.error());
            return;
        }
        int status = r.status();
        if (target.followRedirects() && isRedirect(status) && r.location() != null) {
            if (redirects >= target.maxRedirects()) {
                a.fail(ErrorClass.TOO_MANY_REDIRECTS, status, "more than " + target.maxRedirects() + " redirects");
                return;
            }
            URI next;
            try {
                next = url.resolve(new URI(r.location().trim()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                a.fail(ErrorClass.PROTOCOL, status, "invalid redirect Location");
                return;
            }
            boolean keepMethod = status == 307 || status == 308 || method.equalsIgnoreCase("HEAD")
                    || method.equalsIgnoreCase("GET");
            hop(a, target, next, keepMethod ? method : "GET", keepMethod ? body : null, redirects + 1);
            return;
        }
        if (!target.expectStatus().matches(status)) {
            ErrorClass error = status >= 500 ? ErrorClass.HTTP_5XX : status >= 400 ? ErrorClass.HTTP_4XX : ErrorClass.HTTP_STATUS;
            a.fail(error, status, "status " + status + ", expected " + target.expectStatus());
            return;
        }
        String assertion = BodyAssertions.check(target, r);
        if (assertion != null) {
            a.fail(ErrorClass.ASSERTION, status, assertion);
            return;
        }
        a.succeed(status);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Buffer request(HttpTarget target, URI url, String host, int port, boolean https, String method, String body) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        boolean defaultPort = https ? port == 443 : port == 80;
        StringBuilder sb = new StringBuilder(256);
        sb.append(method.toUpperCase(Locale.ROOT)).append(' ').append(path).append(" HTTP/1.1\r\n");
        Map<String, String> headers = target.headers();
        if (!hasHeader(headers, "host")) {
            sb.append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n");
        }
        if (!hasHeader(headers, "user-agent")) {
            sb.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (!hasHeader(headers, "accept")) {
            sb.append("Accept: */*\r\n");
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("connection") && !name.equals("content-length") && !name.equals("transfer-encoding")) {
                sb.append(clean(h.getKey())).append(": ").append(clean(h.getValue())).append("\r\n");
            }
        }
        byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (payload != null) {
            sb.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        Buffer buf = Buffer.buffer(sb.toString());
        return payload == null ? buf : buf.appendBytes(payload);
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        for (String k : headers.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Header text without line breaks, so a configured value cannot inject headers. */
    private static String clean(String s) {
        return s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s : s.replace('\r', ' ').replace('\n', ' ');
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
