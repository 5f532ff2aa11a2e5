package dev.bongsu.statuspage.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.LocalizedText;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdatesStoreTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void updatesSurviveAReopenInOrder() {
        Path file = dir.resolve("sub/updates.db");
        UpdatesStore store = new UpdatesStore(vertx, file);
        store.open().await();
        store.add("inc-1", UpdateStatus.INVESTIGATING, new LocalizedText("조사 중", "Looking"), Instant.parse("2026-11-25T05:00:00Z")).await();
        IncidentUpdate second = store.add("inc-1", UpdateStatus.IDENTIFIED, new LocalizedText("원인", "Cause"),
                Instant.parse("2026-11-25T05:10:00Z")).await();
        store.add("inc-2", UpdateStatus.MONITORING, new LocalizedText("관찰", "Watching"), Instant.parse("2026-11-25T06:00:00Z")).await();
        assertThat(store.updatesFor("inc-1")).extracting(IncidentUpdate::status)
                .containsExactly(UpdateStatus.INVESTIGATING, UpdateStatus.IDENTIFIED);
        store.close().await();

        UpdatesStore reopened = new UpdatesStore(vertx, file);
        reopened.open().await();
        assertThat(reopened.updatesFor("inc-1")).hasSize(2).last().isEqualTo(second);
        assertThat(reopened.all()).containsOnlyKeys("inc-1", "inc-2");
        assertThat(reopened.updatesFor("none")).isEmpty();
        reopened.close().await();
    }
}
