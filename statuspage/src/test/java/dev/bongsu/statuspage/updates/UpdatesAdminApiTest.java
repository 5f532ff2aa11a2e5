package dev.bongsu.statuspage.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Team updates through the admin API of a real server: checked at the door, edited, deleted, only on public incidents. */
class UpdatesAdminApiTest {
    private static final String PATH = "/api/v1/admin/incidents/inc-dcfire-1/updates";
    private static final String TOKEN = Fixtures.ADMIN_TOKEN;
    @TempDir
    Path dir;
    private SiteFixture f;

    @BeforeEach
    void start() {
        f = new SiteFixture(dir);
        f.dcFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/incidents/inc-dcfire-1").statusCode() == 200);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\uffff", "\\ufffe", "\\u0000", "\\u0008", "\\u000b", "\\u001f", "\\ud800", "\\u202e", "\\u2066"})
    void aTextWithCharactersXmlForbidsOrABidiControlIsRefusedNamingTheField(String escaped) throws Exception {
        HttpResponse<String> r = f.post(PATH, "{\"status\":\"identified\",\"text\":{\"ko\":\"정상\",\"en\":\"bad " + escaped + " text\"}}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(message(r)).startsWith("text.en: contains U+").contains("at character 5");
        assertThat(f.get("/feed.atom").statusCode()).isEqualTo(200);
    }

    @Test
    void anUpdateToAProbeFaultIsRefusedBecauseNobodyWouldSeeIt() throws Exception {
        String good = "{\"status\":\"identified\",\"text\":{\"ko\":\"가\",\"en\":\"a\"}}";
        HttpResponse<String> r = f.post("/api/v1/admin/incidents/inc-probe-1/updates", good, TOKEN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(message(r)).startsWith("no public incident 'inc-probe-1'").contains("probe fault");
        assertThat(f.updates.updatesFor("inc-probe-1")).isEmpty();
    }

    @Test
    void anUpdateCanBeEditedAndDeletedAndThePublicTimelineFollows() throws Exception {
        HttpResponse<String> created = f.post(PATH, "{\"status\":\"investigating\",\"text\":{\"ko\":\"조사 중\",\"en\":\"Looking into it\"}}", TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = new JsonObject(created.body()).getJsonObject("update").getString("id");
        String one = PATH + "/" + id;

        HttpResponse<String> patched = f.send("PATCH", one, "{\"text\":{\"ko\":\"판교 화재 확인\",\"en\":\"Fire at Pangyo confirmed\"}}", TOKEN);
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonObject u = new JsonObject(patched.body()).getJsonObject("update");
        assertThat(u.getString("status")).isEqualTo("investigating");
        assertThat(u.getString("editedAt")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(f.text("/incidents/inc-dcfire-1?lang=en").body()).contains("Fire at Pangyo confirmed", "class=\"edited\"")
                    .doesNotContain("Looking into it");
            assertThat(f.text("/feed.atom").body()).contains("(edited ").contains("Fire at Pangyo confirmed");
            assertThat(f.text("/api/v1/incidents").body()).contains("\"editedAt\":\"");
        });

        assertThat(f.send("PUT", one, "{\"status\":\"identified\"}", TOKEN).statusCode()).isEqualTo(400);
        assertThat(f.send("PUT", one, "{\"status\":\"identified\",\"text\":{\"ko\":\"확인\",\"en\":\"Identified\"}}", TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(f.send("PATCH", one, "{}", TOKEN).statusCode()).isEqualTo(400);
        assertThat(f.send("PATCH", PATH + "/u-nope", "{\"status\":\"identified\"}", TOKEN).statusCode()).isEqualTo(404);
        assertThat(f.send("DELETE", one, null, null).statusCode()).isEqualTo(401);

        assertThat(f.send("DELETE", one, null, TOKEN).statusCode()).isEqualTo(204);
        assertThat(f.send("DELETE", one, null, TOKEN).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(f.text("/incidents/inc-dcfire-1?lang=en").body()).doesNotContain("Identified").contains("No updates from the team yet.");
            assertThat(f.text("/api/v1/incidents").body()).doesNotContain(id);
            assertThat(f.text("/api/v2/incidents.json").body()).doesNotContain(id);
        });
    }

    @Test
    void aStoreFailureAnswersAGenericMessageWithoutTheCause() throws Exception {
        f.updates.close().await();
        HttpResponse<String> r = f.post(PATH, "{\"status\":\"identified\",\"text\":{\"ko\":\"가\",\"en\":\"a\"}}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(message(r)).isEqualTo("the update could not be stored, try again");
    }

    private static String message(HttpResponse<String> r) {
        return new JsonObject(r.body()).getJsonObject("error").getString("message");
    }
}
