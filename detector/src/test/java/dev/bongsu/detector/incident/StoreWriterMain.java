package dev.bongsu.detector.incident;

import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.TransitionType;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Run in a child JVM by {@link IncidentStoreTest}: writes an open incident, says so, then waits to be killed. */
public final class StoreWriterMain {
    static final String WRITTEN = "written";

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        IncidentStore store = IncidentStore.open(vertx, Path.of(args[0])).await();
        Instant t = Instant.parse("2026-03-01T09:00:00Z");
        store.write(List.of(new IncidentTransition(TransitionType.OPENED,
                IncidentStoreTest.incident("killed", 1, IncidentState.OPEN, t, null)))).await();
        store.write(List.of(new IncidentTransition(TransitionType.UPDATED,
                IncidentStoreTest.incident("killed", 2, IncidentState.OPEN, t, null)))).await();
        System.out.println(WRITTEN);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
