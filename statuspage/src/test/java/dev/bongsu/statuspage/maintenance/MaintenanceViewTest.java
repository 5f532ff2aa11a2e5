package dev.bongsu.statuspage.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.maintenance.MaintenancePhase;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.support.Fixtures;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which maintenance is public, upcoming or active at a time, and which notices are due; time is an input. */
class MaintenanceViewTest {
    private static final Instant NOW = MaintenanceSite.NOW;
    @TempDir
    Path dir;

    @Test
    void phasesAndScopeFollowTheClock() {
        var services = Fixtures.config(dir).services();
        MaintenanceWindow w = MaintenanceSite.window("m1", NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plusSeconds(3600), "kakaotalk");
        MaintenanceWindow muteOnly = new MaintenanceWindow("quiet", Map.of(), NOW.minusSeconds(60), NOW.plusSeconds(60), Set.of(), null, null,
                MaintenanceWindow.DEFAULT_ZONE);
        List<PublicMaintenance> today = MaintenanceView.of(List.of(w, muteOnly), services, NOW);
        assertThat(today).singleElement().satisfies(m -> {
            assertThat(m.phase()).isEqualTo(MaintenancePhase.SCHEDULED);
            assertThat(m.services()).containsExactly("kakaotalk");
        });
        assertThat(MaintenanceView.upcoming(today, NOW, MaintenanceView.UPCOMING)).hasSize(1);
        assertThat(MaintenanceView.covering(today, "kakaotalk")).isEmpty();

        List<PublicMaintenance> during = MaintenanceView.of(List.of(w), services, w.start().plusSeconds(1));
        assertThat(MaintenanceView.covering(during, "kakaotalk")).isPresent();
        assertThat(MaintenanceView.covering(during, "kakaobank")).isEmpty();
        assertThat(MaintenanceView.of(List.of(w), services, w.end()).get(0).phase()).isEqualTo(MaintenancePhase.COMPLETED);
        assertThat(MaintenanceView.of(List.of(w), services, w.end().plus(Duration.ofDays(8)))).isEmpty();
    }

    @Test
    void aRecurringYamlWindowShowsItsNextRun() {
        var services = Fixtures.config(dir).services();
        // Tuesdays 02:00 KST for 2 h; NOW is Monday 12:00 KST
        MaintenanceWindow weekly = new MaintenanceWindow("weekly", "weekly", Map.of("provider", List.of("kakao")), null, null,
                Set.of(DayOfWeek.TUESDAY), LocalTime.of(2, 0), Duration.ofHours(2), MaintenanceWindow.DEFAULT_ZONE,
                new LocalizedText("정기 점검", "Weekly maintenance"), null, true, null, null, null, 1);
        PublicMaintenance m = MaintenanceView.of(List.of(weekly), services, NOW).get(0);
        assertThat(m.start()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(m.recurring()).isTrue();
        assertThat(m.services()).containsExactlyElementsOf(Fixtures.KAKAO);
        List<PublicNotice> due = MaintenanceNotices.due(List.of(weekly), services, Instant.parse("2026-11-30T17:30:00Z"));
        assertThat(due).extracting(PublicNotice::key).containsExactly("maintenance:weekly@" + Instant.parse("2026-11-30T17:00:00Z").getEpochSecond() + ":started");
    }

    @Test
    void noticesAreStableAndStaleNewsIsNotTold() {
        var services = Fixtures.config(dir).services();
        MaintenanceWindow w = MaintenanceSite.window("m2", NOW.plusSeconds(3600), NOW.plusSeconds(7200), "kakaotalk");
        assertThat(MaintenanceNotices.due(List.of(w), services, NOW)).extracting(PublicNotice::key).containsExactly("maintenance:m2:scheduled");
        assertThat(MaintenanceNotices.due(List.of(w), services, NOW.plusSeconds(7300))).extracting(PublicNotice::key)
                .containsExactly("maintenance:m2:ended");
        assertThat(MaintenanceNotices.due(List.of(w), services, NOW.plus(Duration.ofDays(2)))).isEmpty();
    }
}
