package dev.bongsu.statuspage.maintenance;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.Health;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.maintenance.MaintenanceReader;
import dev.bongsu.statuspage.SiteSettings;
import dev.bongsu.statuspage.StatusSite;
import dev.bongsu.statuspage.subscribe.PublicAnnouncements;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.support.FakeHistory;
import dev.bongsu.statuspage.support.FakeIncidents;
import dev.bongsu.statuspage.support.FakeLive;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.updates.UpdatesStore;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The status site on 127.0.0.1 with a manual clock, a settable maintenance list and recorded announcements. */
final class MaintenanceSite implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z"); // Monday 12:00 KST
    final ManualClock clock = new ManualClock(NOW);
    final Vertx vertx = Vertx.vertx();
    final BongsuConfig config;
    final FakeLive live = new FakeLive(Fixtures.allUp(NOW.minus(Duration.ofDays(1))));
    final Windows windows = new Windows();
    final List<PublicNotice> told = new CopyOnWriteArrayList<>();
    final StatusSite site;
    final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MaintenanceSite(Path dir) {
        Codecs.registerAll(vertx.eventBus());
        config = Fixtures.config(dir);
        PublicAnnouncements record = n -> {
            if (told.stream().noneMatch(t -> t.key().equals(n.key()))) {
                told.add(n);
            }
            return Future.succeededFuture();
        };
        site = new StatusSite(vertx, config, live, new FakeIncidents(), new FakeHistory(NOW),
                new UpdatesStore(vertx, dir.resolve("updates.db")), clock,
                new SiteSettings(Duration.ofMillis(20), Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .maintenance(windows, record);
        site.start().await();
        Router router = Router.router(vertx);
        site.mount(router);
        server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router).listen(0, "127.0.0.1").await();
    }

    /** A public window as the admin API makes it, over these services. */
    static MaintenanceWindow window(String id, Instant start, Instant end, String... services) {
        return new MaintenanceWindow(id, id, Map.of("service", List.of(services)), start, end, Set.of(), null, null,
                MaintenanceWindow.DEFAULT_ZONE, new LocalizedText("카카오 정기 점검", "Kakao planned maintenance"),
                new LocalizedText("점검 중에는 접속이 안 됩니다.", "The services are unavailable during the work."), true, NOW, NOW, null, 1);
    }

    /** The detector says a service is down. */
    void down(String id) {
        ServiceState down = new ServiceState(id, Health.DOWN, clock.instant(), new LocalizedText("연결 거부", "Connection refused"));
        live.set(down);
        vertx.eventBus().publish(Addresses.SERVICE_STATES, new ServiceStateChange(null, down));
    }

    /** Moves the clock and lets the site's timer act at once. */
    void at(Instant t) {
        clock.set(t);
        vertx.runOnContext(v -> site.maintenanceAnnouncer().tick());
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Override
    public void close() {
        site.stop().await();
        vertx.close().await();
    }

    /** A maintenance list the test sets, telling listeners as the store does. */
    static final class Windows implements MaintenanceReader {
        private volatile List<MaintenanceWindow> list = List.of();
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        void set(MaintenanceWindow... windows) {
            list = List.of(windows);
            listeners.forEach(Runnable::run);
        }

        @Override
        public List<MaintenanceWindow> maintenances() {
            return list;
        }

        @Override
        public void onChange(Runnable listener) {
            listeners.add(listener);
        }
    }
}
