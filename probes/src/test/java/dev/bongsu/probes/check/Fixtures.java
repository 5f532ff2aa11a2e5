package dev.bongsu.probes.check;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.CheckTarget;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.JsonAssertion;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import java.util.Map;

/** Check configurations and a fake resolver for checker tests. */
public final class Fixtures {
    /** When the probes in tests start, epoch ms. */
    public static final long NOW = System.currentTimeMillis();

    private Fixtures() {
    }

    /** A check of {@code target} with a timeout. */
    public static CheckConfig check(String id, CheckType type, CheckTarget target, Duration timeout) {
        return new CheckConfig(id, "c", id.split("\\.")[0], type, Duration.ofSeconds(30), timeout, true, target,
                Thresholds.DEFAULTS, Map.of());
    }

    /** An HTTP target builder with the README defaults. */
    public static Http http(String url) {
        return new Http(url);
    }

    /** Builds {@link HttpTarget}s. */
    public static final class Http {
        String url;
        String method = "GET";
        Map<String, String> headers = Map.of();
        String body;
        StatusSet status = StatusSet.SUCCESS;
        String contains;
        JsonAssertion json;
        boolean follow = true;
        int maxRedirects = 5;
        int maxBody = 65_536;
        boolean verify = true;
        Duration timeout = Duration.ofSeconds(5);

        Http(String url) {
            this.url = url;
        }

        public Http method(String m) { method = m; return this; }
        public Http headers(Map<String, String> h) { headers = h; return this; }
        public Http body(String b) { body = b; return this; }
        public Http status(String... codes) {
            status = new StatusSet(java.util.Arrays.stream(codes).map(StatusSet::parseRange).toList(), String.join(",", codes));
            return this;
        }
        public Http contains(String k) { contains = k; return this; }
        public Http json(String pointer, String equals) { json = new JsonAssertion(pointer, equals); return this; }
        public Http follow(boolean f) { follow = f; return this; }
        public Http maxRedirects(int n) { maxRedirects = n; return this; }
        public Http maxBody(int n) { maxBody = n; return this; }
        public Http verify(boolean v) { verify = v; return this; }
        public Http timeout(Duration t) { timeout = t; return this; }

        public CheckConfig check() {
            HttpTarget t = new HttpTarget(URI.create(url), method, headers, body, status, contains, json, follow, maxRedirects,
                    maxBody, verify);
            return Fixtures.check("svc.http", CheckType.HTTP, t, timeout);
        }
    }

    /** Resolves names from a map to loopback; unknown names fail, names mapped to {@code null} never answer. */
    public static HostResolver resolver(Map<String, String> names) {
        return host -> {
            if (!names.containsKey(host)) {
                return Future.failedFuture(new UnknownHostException(host + ": NXDOMAIN"));
            }
            String ip = names.get(host);
            if (ip == null) {
                return io.vertx.core.Promise.<InetAddress>promise().future();
            }
            try {
                return Future.succeededFuture(InetAddress.getByName(ip));
            } catch (UnknownHostException e) {
                return Future.failedFuture(e);
            }
        };
    }

    /** Names every test resolver knows. */
    public static final Map<String, String> NAMES = names();

    private static Map<String, String> names() {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        m.put("localhost", "127.0.0.1");
        m.put("svc.test", "127.0.0.1");
        m.put("other.test", "127.0.0.1");
        m.put("blackhole.test", null);
        return m;
    }

}
