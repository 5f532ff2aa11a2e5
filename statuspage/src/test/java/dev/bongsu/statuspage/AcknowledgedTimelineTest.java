package dev.bongsu.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.AckReader;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged incident says so on its public page and in its API timeline, with the time and never the person. */
class AcknowledgedTimelineTest {
    private static final String WHO = "kim.oncall";

    @TempDir
    Path dir;

    /** Acknowledgements as alerting keeps them, in memory. */
    static final class FakeAcks implements AckReader {
        final Map<String, Acknowledgement> byIncident = new ConcurrentHashMap<>();

        @Override
        public Optional<Acknowledgement> acknowledgement(String incidentId) {
            return Optional.ofNullable(byIncident.get(incidentId));
        }
    }

    @Test
    void anAcknowledgementShowsOnThePageAndInTheTimelineWithoutAName() throws Exception {
        FakeAcks acks = new FakeAcks();
        try (SiteFixture f = new SiteFixture(dir, new SiteSettings(Duration.ofMillis(50), Duration.ofSeconds(60), Duration.ofSeconds(30)),
                Fixtures::config, site -> site.acknowledgements(acks))) {
            f.dcFire();
            await().atMost(Duration.ofSeconds(20)).until(() -> f.text("/incidents/inc-dcfire-1?lang=en").statusCode() == 200);
            assertThat(f.text("/incidents/inc-dcfire-1?lang=en").body()).doesNotContain("Acknowledged by the on-call team");

            // on-call acknowledges the member service incident from a notification link; alerting pokes the site
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            acks.byIncident.put("inc-kakaotalk-1", new Acknowledgement("inc-kakaotalk-1", WHO, at, "link"));
            f.site.acknowledged("inc-kakaotalk-1");

            await().atMost(Duration.ofSeconds(20)).until(() -> f.text("/incidents/inc-dcfire-1?lang=en").body()
                    .contains("Acknowledged by the on-call team"));
            assertThat(f.text("/incidents/inc-dcfire-1?lang=ko").body()).contains("담당자가 확인함").doesNotContain(WHO);
            assertThat(f.text("/incidents/inc-dcfire-1?lang=en").body()).contains("step-acknowledged").doesNotContain(WHO);

            String api = f.text("/api/v1/incidents/inc-dcfire-1").body();
            assertThat(api).doesNotContain(WHO);
            JsonObject doc = new JsonObject(api);
            JsonObject step = steps(doc.getJsonArray("timeline"), "acknowledged");
            assertThat(java.time.OffsetDateTime.parse(step.getString("at")).toInstant()).isEqualTo(at);
            assertThat(step.getJsonObject("text").getString("ko")).isEqualTo("담당자가 확인함");
            assertThat(step.getJsonObject("text").getString("en")).isEqualTo("Acknowledged by the on-call team");
            assertThat(java.time.OffsetDateTime.parse(doc.getString("acknowledgedAt")).toInstant()).isEqualTo(at);
            assertThat(f.text("/api/v1/incidents/inc-dcfire-1.csv").body()).contains("acknowledged").doesNotContain(WHO);
            assertThat(f.text("/api/v1/incidents").body()).contains("acknowledgedAt").doesNotContain(WHO);
        }
    }

    private static JsonObject steps(JsonArray timeline, String type) {
        for (Object o : timeline) {
            if (type.equals(((JsonObject) o).getString("type"))) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("no " + type + " step in " + timeline.encode());
    }
}
