package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.web.BearerTokenHandler;
import dev.bongsu.statuspage.SiteSettings;
import dev.bongsu.statuspage.StatusSite;
import dev.bongsu.statuspage.support.FakeHistory;
import dev.bongsu.statuspage.support.FakeIncidents;
import dev.bongsu.statuspage.support.FakeLive;
import dev.bongsu.statuspage.updates.UpdatesStore;
import dev.bongsu.testkit.ManualClock;
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
import java.util.List;
import java.util.Map;

/**
 * The whole status site with subscriptions on a real Vert.x server on 127.0.0.1, port 0, mounted the way the app
 * mounts it (body limit on {@code /api/*}, the admin token on {@code /api/v1/admin/*}); subscriptions run on a manual
 * clock and ask for confirmation through a {@link RecordingSender}.
 */
final class SubscriptionSite implements AutoCloseable {
    static final String ADMIN_TOKEN = "subs-admin-token-0123456789";
    /** Service ids of the config: two kakao services, a toss service whose provider is private. */
    static final List<String> SERVICES = List.of("kakaotalk", "kakaobank", "toss");
    /** A provider value the config keeps private. */
    static final String PRIVATE_PROVIDER = "zq-viva";

    final Vertx vertx = Vertx.vertx();
    final ManualClock clock = new ManualClock(Instant.now());
    final RecordingSender sender = new RecordingSender();
    final BongsuConfig config;
    final Subscriptions subscriptions;
    final StatusSite site;
    final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts everything with storage under {@code dir} and these {@code statusPage.subscriptions} settings (YAML flow map). */
    SubscriptionSite(Path dir, String subscriptionSettings) {
        Codecs.registerAll(vertx.eventBus());
        config = config(dir, subscriptionSettings);
        subscriptions = Subscriptions.create(vertx, config, sender, clock);
        site = new StatusSite(vertx, config, new FakeLive(List.of()), new FakeIncidents(), new FakeHistory(clock.instant()),
                new UpdatesStore(vertx, config.storage().dir().resolve("updates.db")), Clock.systemUTC(),
                new SiteSettings(Duration.ofMillis(50), Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .withSubscriptions(subscriptions);
        site.start().await();
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(config.admin().token()));
        site.mount(router);
        server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router).listen(0, "127.0.0.1").await();
    }

    static BongsuConfig config(Path dir, String subscriptionSettings) {
        String yaml = """
                http: {host: 127.0.0.1, port: 0, publicUrl: "https://status.example.kr"}
                admin: {token: "%s"}
                vantages: [{name: seoul-kt, region: kr-seoul}, {name: tokyo-aws, region: jp-tokyo}]
                storage: {dir: "%s"}
                statusPage:
                  title: {ko: "서비스 상태", en: "Service status"}
                  valueNames: {provider: {kakao: {ko: 카카오, en: Kakao}}}
                  subscriptions: %s
                services:
                  - {id: kakaotalk, name: {ko: 카카오톡, en: KakaoTalk}, provider: kakao, category: messenger, datacenter: zq-dc-pangyo,
                     public: [provider, category], checks: [{type: https, url: "https://zq-origin.kakao.internal/health"}]}
                  - {id: kakaobank, name: {ko: 카카오뱅크, en: KakaoBank}, provider: kakao, category: bank, datacenter: zq-dc-pangyo,
                     public: [provider, category], checks: [{type: https, url: "https://zq-origin.kakao.internal/bank"}]}
                  - {id: toss, name: {ko: 토스, en: Toss}, provider: %s, category: bank, public: [category],
                     checks: [{type: https, url: "https://zq-api.toss.internal/health"}]}
                """.formatted(ADMIN_TOKEN, dir.toString().replace("\\", "/"), subscriptionSettings, PRIVATE_PROVIDER);
        return new ConfigLoader(Map.of()).parse("subs.yaml", yaml);
    }

    /** The base URL, {@code http://127.0.0.1:port}. */
    String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** A link sent to a subscriber, moved from the public address to this server. */
    String local(String absolute) {
        URI u = URI.create(absolute);
        return base() + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** A request; {@code body} {@code null} for none; headers as name, value, …. */
    HttpResponse<String> send(String method, String pathOrUrl, String contentType, String body, String... headers) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) throws Exception {
        return send("GET", pathOrUrl, null, null, headers);
    }

    HttpResponse<String> postForm(String pathOrUrl, String form) throws Exception {
        return send("POST", pathOrUrl, "application/x-www-form-urlencoded", form);
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json);
    }

    HttpResponse<String> admin(String method, String path) throws Exception {
        return send(method, path, null, null, "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    @Override
    public void close() {
        site.stop().await();
        vertx.close().await();
    }
}
