package dev.bongsu.alerting.ack;

import static dev.bongsu.alerting.support.Incidents.T0;
import static dev.bongsu.alerting.support.Incidents.correlated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.web.BearerTokenHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API and the link pages of acknowledgements, over a real HTTP server, and acks.db across a restart. */
class AckRoutesTest {
    private static final String TOKEN = "admin-token-0123456789";
    private static final Map<String, Incident> INCIDENTS = Map.of(
            "A", correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk"),
            "R", correlated("R", 2, IncidentState.RESOLVED, T0.plusSeconds(60), "kakaotalk"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock = Clock.systemUTC();
    private Vertx vertx;
    private AckStore store;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        base = serve(openStore());
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private AckStore openStore() {
        store = new AckStore(vertx, dir.resolve("acks.db"), null);
        store.open().await();
        return store;
    }

    private String serve(AckStore acks) {
        IncidentReader reader = new IncidentReader() {
            @Override
            public Future<List<Incident>> incidents(IncidentQuery query) {
                return Future.succeededFuture(List.copyOf(INCIDENTS.values()));
            }

            @Override
            public Future<Optional<Incident>> incident(String id) {
                return Future.succeededFuture(Optional.ofNullable(INCIDENTS.get(id)));
            }
        };
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false));
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(TOKEN));
        new AckRoutes(new Acknowledger(acks, reader, clock), reader, () -> links(acks), clock).mount(router);
        int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
        return "http://127.0.0.1:" + port;
    }

    private AckLinks links(AckStore acks) {
        return new AckLinks(acks.linkKey(), base, Duration.ofDays(7));
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFirstAcknowledgementWinsAndLaterOnesGetItBack() throws Exception {
        HttpResponse<String> first = admin("POST", "/api/v1/admin/incidents/A/ack", "{\"by\": \"kim\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        JsonObject ack = new JsonObject(first.body());
        assertThat(ack.getString("incidentId")).isEqualTo("A");
        assertThat(ack.getString("by")).isEqualTo("kim");
        assertThat(ack.getString("via")).isEqualTo("api");
        assertThat(ack.getString("status")).isEqualTo("acknowledged");

        HttpResponse<String> second = admin("POST", "/api/v1/admin/incidents/A/ack", "{\"by\": \"lee\", \"via\": \"cli\"}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(second.body()).getString("message")).isEqualTo("already acknowledged by kim at " + ack.getString("at"));

        assertThat(new JsonObject(admin("GET", "/api/v1/admin/incidents/A/ack", null).body()).getString("by")).isEqualTo("kim");
        assertThat(new JsonObject(admin("GET", "/api/v1/admin/acks", null).body()).getJsonArray("acks")).hasSize(1);
    }

    @Test
    void unknownResolvedAndBadRequestsSayWhatIsWrong() throws Exception {
        HttpResponse<String> unknown = admin("POST", "/api/v1/admin/incidents/nope/ack", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no incident with id 'nope'");
        HttpResponse<String> resolved = admin("POST", "/api/v1/admin/incidents/R/ack", null);
        assertThat(resolved.statusCode()).isEqualTo(409);
        assertThat(resolved.body()).contains("incident 'R' is resolved; nothing to acknowledge");
        assertThat(admin("POST", "/api/v1/admin/incidents/A/ack", "[1]").body()).contains("body: expected a JSON object");
        assertThat(admin("POST", "/api/v1/admin/incidents/A/ack", "{\"by\": 7}").body()).contains("by: expected a text, found Integer");
        assertThat(admin("POST", "/api/v1/admin/incidents/A/ack", "{\"by\": \"" + "x".repeat(65) + "\"}").body())
                .contains("by: expected a name of at most 64 characters, found 65");
        assertThat(admin("POST", "/api/v1/admin/incidents/A/ack", "{\"via\": \"fax\"}").body()).contains("via: expected api or cli, found 'fax'");
        assertThat(admin("GET", "/api/v1/admin/incidents/A/ack", null).statusCode()).isEqualTo(404);
        assertThat(store.acknowledgement("A")).isEmpty();
    }

    @Test
    void expiredForgedAndResolvedLinksAcknowledgeNothing() throws Exception {
        HttpResponse<String> expired = get(links(store).url("A", Instant.now().minus(Duration.ofDays(8))));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("id=\"ack-expired\"", "bongsu ack A");
        HttpResponse<String> otherIncident = get(links(store).url("A", Instant.now()).replace("/ack/A?", "/ack/R?"));
        assertThat(otherIncident.statusCode()).isEqualTo(403);
        assertThat(otherIncident.body()).contains("id=\"ack-forged\"");
        assertThat(get(base + "/api/v1/ack/A").statusCode()).isEqualTo(403);
        HttpResponse<String> resolved = get(links(store).url("R", Instant.now()));
        assertThat(resolved.statusCode()).isEqualTo(409);
        assertThat(resolved.body()).contains("id=\"ack-resolved\"");
        assertThat(resolved.headers().firstValue("x-frame-options")).contains("DENY");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void acknowledgementsAndTheLinkKeySurviveARestart() throws Exception {
        String link = links(store).url("A", Instant.now());
        String by = "김 on-call";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("by=" + java.net.URLEncoder.encode(by, java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        byte[] key = store.linkKey();
        store.close().await();

        AckStore again = openStore();
        assertThat(again.acknowledgement("A")).hasValueSatisfying(a -> {
            assertThat(a.by()).isEqualTo(by);
            assertThat(a.via()).isEqualTo("link");
        });
        assertThat(again.linkKey()).as("the generated key is kept, so links made before the restart stay valid").isEqualTo(key);
        URI uri = URI.create(link);
        String[] query = uri.getQuery().split("&");
        assertThat(links(again).check("A", query[0].substring(4), query[1].substring(4), Instant.now())).isEqualTo(AckLinks.Verdict.VALID);
        assertThat(new AckLinks(key, base, Duration.ofDays(7)).url("A", T0)).isEqualTo(links(again).url("A", T0));
    }
}
