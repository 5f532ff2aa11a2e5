package dev.bongsu.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The rebuild scheduling on its own: a hand-run home executor and timer, builds completed by the test. */
class RebuildSchedulerTest {
    private final Queue<Runnable> home = new ArrayDeque<>();
    private final List<Long> timerDelays = new ArrayList<>();
    private final Queue<Runnable> timers = new ArrayDeque<>();
    private final List<Promise<Void>> builds = new ArrayList<>();
    private final RebuildScheduler scheduler = new RebuildScheduler(this::startBuild, Duration.ofMillis(250), (ms, action) -> {
        timerDelays.add(ms);
        timers.add(action);
    });

    private Future<Void> startBuild() {
        Promise<Void> b = Promise.promise();
        builds.add(b);
        return b.future();
    }

    private void runHome() {
        while (!home.isEmpty()) {
            home.poll().run();
        }
    }

    private void fireTimers() {
        List<Runnable> due = new ArrayList<>(timers);
        timers.clear();
        due.forEach(Runnable::run);
        runHome();
    }

    @Test
    void aBurstOfRequestsCostsOneBuildAfterTheDebounce() {
        scheduler.attach(home::add);
        scheduler.poke();
        scheduler.poke();
        runHome();
        scheduler.request();

        assertThat(timerDelays).containsExactly(250L);
        assertThat(builds).isEmpty();
        fireTimers();
        assertThat(builds).hasSize(1);
    }

    @Test
    void requestsWhileABuildRunsCostOneMoreBuildAfterIt() {
        scheduler.attach(home::add);
        scheduler.runNow();
        scheduler.request();
        fireTimers();
        scheduler.request();
        fireTimers();
        assertThat(builds).as("never two builds at once").hasSize(1);

        builds.get(0).complete();
        runHome();
        assertThat(timers).hasSize(1);
        fireTimers();
        assertThat(builds).hasSize(2);
        builds.get(1).complete();
        runHome();
        assertThat(timers).as("nothing asked for since").isEmpty();
    }

    @Test
    void aWaiterIsServedByABuildThatStartsAfterIt() {
        scheduler.attach(home::add);
        scheduler.runNow();
        List<String> firstRan = new ArrayList<>();
        Future<Void> built = scheduler.rebuildNow(() -> {
            firstRan.add("history");
            return Future.succeededFuture();
        });
        runHome();
        assertThat(firstRan).containsExactly("history");
        fireTimers();

        builds.get(0).complete();
        runHome();
        assertThat(built.isComplete()).as("the running build started before the waiter").isFalse();
        fireTimers();
        assertThat(builds).hasSize(2);
        builds.get(1).complete();
        runHome();
        assertThat(built.succeeded()).isTrue();
    }

    @Test
    void aFailedBuildFailsItsWaitersAndTheNextBuildStillRuns() {
        scheduler.attach(home::add);
        Future<Void> built = scheduler.rebuildNow(Future::succeededFuture);
        runHome();
        fireTimers();
        builds.get(0).fail("store down");
        runHome();
        assertThat(built.failed()).isTrue();
        assertThat(built.cause()).hasMessage("store down");

        scheduler.request();
        fireTimers();
        assertThat(builds).hasSize(2);
    }

    @Test
    void aBuildThatThrowsDoesNotLeaveTheSchedulerRunning() {
        RebuildScheduler throwing = new RebuildScheduler(() -> {
            throw new IllegalStateException("reader broke");
        }, Duration.ZERO, (ms, action) -> {
            timerDelays.add(ms);
            timers.add(action);
        });
        throwing.attach(home::add);
        Future<Void> first = throwing.runNow();
        runHome();
        assertThat(first.failed()).isTrue();

        throwing.request();
        assertThat(timerDelays).as("the debounce is at least 1 ms").containsExactly(1L);
        Future<Void> built = throwing.rebuildNow(Future::succeededFuture);
        runHome();
        fireTimers();
        assertThat(built.failed()).as("a second build ran and failed the waiter").isTrue();
    }

    @Test
    void beforeAttachPokesAreDroppedAndThereIsNothingToWaitFor() {
        scheduler.poke();
        Future<Void> built = scheduler.rebuildNow(Future::succeededFuture);

        assertThat(built.succeeded()).isTrue();
        assertThat(home).isEmpty();
        assertThat(timers).isEmpty();
        assertThat(builds).isEmpty();
    }
}
