package dev.bongsu.statuspage.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A maintenance made for tomorrow is on the page, feed, v2 and JSON today; during its window its services show maintenance. */
class MaintenanceOnSiteTest {
    private static final Instant START = Instant.parse("2026-11-30T17:00:00Z"); // Tuesday 02:00 KST
    private static final Instant END = START.plus(Duration.ofHours(2));
    @TempDir
    Path dir;
    MaintenanceSite s;

    @BeforeEach
    void start() {
        s = new MaintenanceSite(dir);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void announcedTodayShownAsMaintenanceDuringItsWindowAndBackAfter() throws Exception {
        MaintenanceWindow w = MaintenanceSite.window("mnt-kakao-1", START, END, "kakaotalk", "kakaobank");
        s.windows.set(w);

        // untilAsserted: a failure shows what the page said last (which build, which sections), not only "not fulfilled"
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(s.get("/?lang=ko")).contains("예정된 점검"));
        String home = s.get("/?lang=en");
        assertThat(home).contains("Scheduled maintenance", "Kakao planned maintenance", "2026-12-01 02:00 KST", "2026-12-01 04:00 KST",
                "href=\"/maintenance/mnt-kakao-1?lang=en\"");
        assertThat(home).contains("id=\"svc-kakaotalk\" data-state=\"up\"");
        assertThat(s.get("/maintenance/mnt-kakao-1?lang=ko")).startsWith("200 ").contains("카카오 정기 점검", "점검 중에는 접속이 안 됩니다.");
        assertThat(s.get("/maintenance/nope?lang=en")).startsWith("404 ");
        assertThat(s.get("/feed.atom")).contains("/maintenance/mnt-kakao-1</id>", "Kakao planned maintenance / 카카오 정기 점검");
        JsonObject summary = json("/api/v2/summary.json");
        assertThat(summary.getJsonArray("scheduled_maintenances")).hasSize(1);
        JsonObject sm = summary.getJsonArray("scheduled_maintenances").getJsonObject(0);
        assertThat(sm.getString("status")).isEqualTo("scheduled");
        assertThat(sm.getString("scheduled_for")).isEqualTo("2026-12-01T02:00:00+09:00");
        assertThat(sm.getJsonArray("components")).hasSize(2);
        assertThat(json("/api/v2/scheduled-maintenances/upcoming.json").getJsonArray("scheduled_maintenances")).hasSize(1);
        assertThat(json("/api/v2/scheduled-maintenances/active.json").getJsonArray("scheduled_maintenances")).isEmpty();
        assertThat(json("/api/v1/maintenance").getJsonArray("maintenance").getJsonObject(0).getJsonArray("services"))
                .containsExactly("kakaotalk", "kakaobank");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.told.size() == 1);
        assertThat(s.told).extracting(PublicNotice::key).containsExactly("maintenance:mnt-kakao-1:scheduled");

        // the work begins: the probes see kakaotalk down, the page says maintenance, history keeps what was seen
        s.down("kakaotalk");
        s.at(START.plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.get("/?lang=ko").contains("id=\"svc-kakaotalk\" data-state=\"maintenance\""));
        String during = s.get("/?lang=ko");
        assertThat(during).contains("점검 중인 서비스가 있습니다", "진행 중인 점검");
        assertThat(json("/api/v1/status").getJsonObject("overall").getString("state")).isEqualTo("maintenance");
        assertThat(json("/api/v1/status").getJsonArray("services").getJsonObject(0).getString("state")).isEqualTo("maintenance");
        JsonObject v2 = json("/api/v2/summary.json");
        assertThat(v2.getJsonObject("status").getString("indicator")).isEqualTo("maintenance");
        assertThat(v2.getJsonArray("components").getJsonObject(0).getString("status")).isEqualTo("under_maintenance");
        assertThat(json("/api/v2/scheduled-maintenances/active.json").getJsonArray("scheduled_maintenances")).hasSize(1);
        assertThat(s.get("/badge/kakaotalk.svg?lang=en")).contains("Under maintenance");
        assertThat(s.get("/services/kakaotalk?lang=en")).contains("Under maintenance", "Kakao planned maintenance");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.told.size() == 2);

        // it ends: the real state shows again
        s.at(END.plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.get("/?lang=ko").contains("id=\"svc-kakaotalk\" data-state=\"down\""));
        assertThat(json("/api/v1/status").getJsonObject("overall").getString("state")).isEqualTo("partial_outage");
        assertThat(json("/api/v1/maintenance").getJsonArray("maintenance").getJsonObject(0).getString("phase")).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.told.size() == 3);
        assertThat(s.told).extracting(PublicNotice::key).containsExactly("maintenance:mnt-kakao-1:scheduled",
                "maintenance:mnt-kakao-1:started", "maintenance:mnt-kakao-1:ended");
    }

    @Test
    void aCancelledMaintenanceStaysListedAsCancelled() throws Exception {
        MaintenanceWindow w = MaintenanceSite.window("mnt-kakao-2", START, END, "kakaotalk");
        s.windows.set(w);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.get("/api/v1/maintenance").contains("mnt-kakao-2"));
        MaintenanceWindow cancelled = new MaintenanceWindow(w.id(), w.name(), w.match(), w.start(), w.end(), w.days(), w.at(), w.duration(),
                w.timeZone(), w.title(), w.description(), true, w.createdAt(), MaintenanceSite.NOW, MaintenanceSite.NOW, 2);
        s.windows.set(cancelled);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.get("/api/v1/maintenance").contains("\"phase\":\"cancelled\""));
        assertThat(s.get("/maintenance/mnt-kakao-2?lang=en")).contains("Cancelled");
        assertThat(s.get("/?lang=en")).doesNotContain("Kakao planned maintenance");
        await().atMost(Duration.ofSeconds(10)).until(() -> s.told.stream().anyMatch(n -> n.key().equals("maintenance:mnt-kakao-2:cancelled")));
    }

    private JsonObject json(String path) throws Exception {
        String r = s.get(path);
        assertThat(r).startsWith("200 ");
        return new JsonObject(r.substring(4));
    }
}
