package dev.bongsu.statuspage.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.replica.SharedRecords;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdatesStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T05:00:00Z");
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void updatesSurviveAReopenInOrderWithTextIds() {
        Path file = dir.resolve("sub/updates.db");
        UpdatesStore store = open(file);
        IncidentUpdate first = store.add("inc-1", UpdateStatus.INVESTIGATING, new LocalizedText("조사 중", "Looking"), T0).await();
        IncidentUpdate second = store.add("inc-1", UpdateStatus.IDENTIFIED, new LocalizedText("원인", "Cause"), T0.plusSeconds(600)).await();
        store.add("inc-2", UpdateStatus.MONITORING, new LocalizedText("관찰", "Watching"), T0.plusSeconds(3600)).await();
        assertThat(first.id()).matches("u-[0-9a-z]+-[0-9a-z]{12}").isNotEqualTo(second.id());
        assertThat(first.version()).isEqualTo(1);
        assertThat(store.updatesFor("inc-1")).extracting(IncidentUpdate::status)
                .containsExactly(UpdateStatus.INVESTIGATING, UpdateStatus.IDENTIFIED);
        store.close().await();

        UpdatesStore reopened = open(file);
        assertThat(reopened.updatesFor("inc-1")).hasSize(2).last().isEqualTo(second);
        assertThat(reopened.byIncident()).containsOnlyKeys("inc-1", "inc-2");
        assertThat(reopened.updatesFor("none")).isEmpty();
        reopened.close().await();
    }

    @Test
    void editsRaiseTheVersionAndDeletesLeaveATombstoneReadersNeverSee() {
        Path file = dir.resolve("updates.db");
        UpdatesStore store = open(file);
        List<JsonObject> changes = new CopyOnWriteArrayList<>();
        store.onLocalChange(changes::add);
        IncidentUpdate u = store.add("inc-1", UpdateStatus.INVESTIGATING, new LocalizedText("가", "a"), T0).await();
        IncidentUpdate edited = store.edit("inc-1", u.id(), UpdateStatus.IDENTIFIED, new LocalizedText("나", "b"), T0.plusSeconds(60))
                .await().orElseThrow();
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.editedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(store.edit("inc-2", u.id(), UpdateStatus.IDENTIFIED, new LocalizedText("x", "x"), T0).await()).isEmpty();
        assertThat(store.delete("inc-1", u.id(), T0.plusSeconds(120)).await()).hasValueSatisfying(d -> assertThat(d.version()).isEqualTo(3));
        assertThat(store.updatesFor("inc-1")).isEmpty();
        assertThat(store.find(u.id())).isEmpty();
        assertThat(store.delete("inc-1", u.id(), T0).await()).isEmpty();
        assertThat(changes).extracting(c -> c.getLong("version")).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(2).getBoolean("deleted")).isTrue();
        store.close().await();

        UpdatesStore reopened = open(file);
        assertThat(reopened.updatesFor("inc-1")).isEmpty();
        assertThat(reopened.all().await()).singleElement().satisfies(r -> {
            assertThat(r.getString("id")).isEqualTo(u.id());
            assertThat(r.getBoolean("deleted")).isTrue();
        });
        reopened.close().await();
    }

    @Test
    void recordsFromAnotherServerApplyWhenNewerAndAreNotReportedAsLocal() {
        UpdatesStore store = open(dir.resolve("updates.db"));
        List<JsonObject> local = new CopyOnWriteArrayList<>();
        store.onLocalChange(local::add);
        assertThat(store.kind()).isEqualTo("updates");
        JsonObject v2 = record("u-remote-1", 2, "second");
        store.apply(v2).await();
        store.apply(record("u-remote-1", 1, "first")).await();
        store.apply(v2).await();
        assertThat(store.updatesFor("inc-9")).singleElement().satisfies(u -> assertThat(u.text().en()).isEqualTo("second"));
        store.apply(record("u-remote-1", 3, "gone").put("deleted", true)).await();
        assertThat(store.updatesFor("inc-9")).isEmpty();
        assertThat(local).isEmpty();
        assertThat(SharedRecords.newer(store.all().await().get(0), v2)).isTrue();
        store.close().await();
    }

    @Test
    void anOldFormatFileWithNumberedIdsIsMigratedWithoutLosingARow() throws Exception {
        Path file = dir.resolve("updates.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // the first format, as UpdatesStore wrote it before text ids
            st.execute("CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, status TEXT NOT NULL, "
                    + "text_ko TEXT NOT NULL, text_en TEXT NOT NULL, at_ms INTEGER NOT NULL)");
            st.execute("CREATE INDEX updates_incident ON updates(incident_id)");
            st.execute("INSERT INTO updates (incident_id, status, text_ko, text_en, at_ms) VALUES "
                    + "('inc-1', 'investigating', '조사', 'looking', " + T0.toEpochMilli() + "), "
                    + "('inc-1', 'identified', '원인', 'cause', " + T0.plusSeconds(60).toEpochMilli() + "), "
                    + "('inc-2', 'monitoring', '관찰', 'watching \uFFFF', " + T0.plusSeconds(120).toEpochMilli() + ")");
        }
        assertThat(Files.exists(file)).isTrue();
        UpdatesStore store = open(file);
        assertThat(store.updatesFor("inc-1")).extracting(u -> u.text().en()).containsExactly("looking", "cause");
        assertThat(store.updatesFor("inc-1")).allSatisfy(u -> {
            assertThat(u.id()).matches("old-[0-9a-z]{8}-[12]");
            assertThat(u.version()).isEqualTo(1);
        });
        assertThat(store.updatesFor("inc-2")).singleElement().satisfies(u -> assertThat(u.text().en()).isEqualTo("watching \uFFFF"));
        IncidentUpdate fresh = store.add("inc-1", UpdateStatus.RESOLVED, new LocalizedText("끝", "done"), T0.plusSeconds(180)).await();
        store.close().await();

        UpdatesStore again = open(file);
        assertThat(again.updatesFor("inc-1")).hasSize(3).last().isEqualTo(fresh);
        assertThat(again.all().await()).hasSize(4);
        again.close().await();
    }

    private UpdatesStore open(Path file) {
        UpdatesStore store = new UpdatesStore(vertx, file);
        store.open().await();
        return store;
    }

    private static JsonObject record(String id, long version, String en) {
        return new JsonObject().put("id", id).put("version", version).put("deleted", false).put("incidentId", "inc-9")
                .put("status", "identified").put("text", new JsonObject().put("ko", en).put("en", en))
                .put("at", T0.toEpochMilli()).put("editedAt", null);
    }
}
