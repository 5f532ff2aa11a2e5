package dev.bongsu.statuspage.support;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.web.BearerTokenHandler;
import dev.bongsu.statuspage.SiteSettings;
import dev.bongsu.statuspage.StatusSite;
import dev.bongsu.statuspage.updates.UpdatesStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A real Vert.x HTTP server on 127.0.0.1, port 0, with the site mounted the way the app mounts it, on fake ports. */
public final class SiteFixture implements AutoCloseable {
    /** When the fixture's history starts to matter: everything was up since a day before. */
    public final Instant now = Instant.now();
    public final Vertx vertx = Vertx.vertx();
    public final BongsuConfig config;
    public final FakeLive live;
    public final FakeIncidents incidents = new FakeIncidents();
    public final FakeHistory history = new FakeHistory(now);
    public final StatusSite site;
    public final UpdatesStore updates;
    public final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts everything with storage under {@code dir}. */
    public SiteFixture(Path dir) {
        this(dir, new SiteSettings(Duration.ofMillis(50), Duration.ofSeconds(60), Duration.ofSeconds(30)));
    }

    /** Starts everything with storage under {@code dir} and these rebuild settings. */
    public SiteFixture(Path dir, SiteSettings settings) {
        this(dir, settings, Fixtures::config);
    }

    /** Starts everything with storage under {@code dir}, these rebuild settings and the config made for {@code dir}. */
    public SiteFixture(Path dir, SiteSettings settings, java.util.function.Function<Path, BongsuConfig> configFor) {
        this(dir, settings, configFor, site -> { });
    }

    /** As above; {@code beforeStart} sets the site up (acknowledgements, maintenance) before it starts. */
    public SiteFixture(Path dir, SiteSettings settings, java.util.function.Function<Path, BongsuConfig> configFor,
                       java.util.function.Consumer<StatusSite> beforeStart) {
        Codecs.registerAll(vertx.eventBus());
        config = configFor.apply(dir);
        live = new FakeLive(Fixtures.allUp(now.minus(Duration.ofDays(1))));
        incidents.put(Fixtures.pastNaver(now.minus(Duration.ofDays(3))));
        incidents.put(Fixtures.probeFault(now.minus(Duration.ofHours(2))));
        live.incident(Fixtures.probeFault(now.minus(Duration.ofHours(2))));
        updates = new UpdatesStore(vertx, config.storage().dir().resolve("updates.db"));
        site = new StatusSite(vertx, config, live, incidents, history, updates, Clock.systemUTC(), settings);
        beforeStart.accept(site);
        site.start().await();
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(config.admin().token()));
        site.mount(router);
        server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router).listen(0, "127.0.0.1").await();
    }

    /** The base URL, {@code http://127.0.0.1:port}. */
    public String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** A GET with headers given as name, value, name, value, …; the body as bytes. */
    public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET answered as text. */
    public HttpResponse<String> text(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a JSON body, with or without the admin token. */
    public HttpResponse<String> post(String path, String json, String token) throws Exception {
        return send("POST", path, json, token);
    }

    /** A request with a JSON body ({@code null}: none), with or without the admin token. */
    public HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A raw HTTP/1.1 answer. */
    public record RawResponse(int status, String headers, String body) {
    }

    /** A GET sent as raw bytes, so that paths a URI class would refuse (raw {@code <}, bad escapes) reach the server. */
    public RawResponse raw(String path) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.actualPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String all = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            return new RawResponse(Integer.parseInt(head.split(" ")[1]), head, all.substring(split + 4));
        }
    }

    /** Publishes what the detector publishes when pangyo burns: the 4 kakao services down, one correlated incident. */
    public Incident dcFire() {
        Instant at = Instant.now();
        for (String id : Fixtures.KAKAO) {
            ServiceState before = live.serviceStates().stream().filter(s -> s.serviceId().equals(id)).findFirst().orElseThrow();
            ServiceState down = new ServiceState(id, Health.DOWN, at,
                    new LocalizedText("모든 관측 지점에서 연결 거부", "Connection refused from every vantage"));
            live.set(down);
            vertx.eventBus().publish(Addresses.SERVICE_STATES, new ServiceStateChange(before, down));
        }
        Incident inc = Fixtures.dcFire(at, false);
        live.incident(inc);
        incidents.put(inc);
        vertx.eventBus().publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.OPENED, inc));
        // the detector also keeps one service incident per member, each pointing at the correlated one
        Incident child = new Incident("inc-kakaotalk-1", 1, dev.bongsu.model.IncidentKind.SERVICE, dev.bongsu.model.IncidentState.OPEN,
                dev.bongsu.model.Severity.CRITICAL, java.util.List.of("kakaotalk"), java.util.List.of("seoul-kt", "busan-skb"), at, at, null,
                new LocalizedText("카카오톡 중단", "KakaoTalk down"), null, inc.id(), java.util.List.of());
        live.incident(child);
        incidents.put(child);
        vertx.eventBus().publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.OPENED, child));
        return inc;
    }

    /** Publishes the recovery of the dc-fire. */
    public Incident recover(Instant start) {
        Instant at = Instant.now();
        for (String id : Fixtures.KAKAO) {
            ServiceState up = new ServiceState(id, Health.UP, at, null);
            live.set(up);
            vertx.eventBus().publish(Addresses.SERVICE_STATES, new ServiceStateChange(null, up));
        }
        Incident inc = Fixtures.dcFire(start, true);
        live.incident(inc);
        incidents.put(inc);
        vertx.eventBus().publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.RESOLVED, inc));
        return inc;
    }

    /** Headers as a map, for assertions. */
    public static Map<String, java.util.List<String>> headers(HttpResponse<?> r) {
        return r.headers().map();
    }

    @Override
    public void close() {
        site.stop().await();
        vertx.close().await();
    }
}
