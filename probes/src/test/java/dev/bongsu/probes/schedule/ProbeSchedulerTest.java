package dev.bongsu.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.probes.schedule.ProbeScheduler.Run;
import dev.bongsu.probes.schedule.ProbeScheduler.Scheduled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProbeSchedulerTest {
    private static final long T0 = 1_700_000_000_000L;

    private static List<Scheduled<String>> checks(int n, long intervalMs) {
        return IntStream.range(0, n).mapToObj(i -> new Scheduled<>("svc" + i + ".http", intervalMs, "c" + i)).toList();
    }

    /** Drives the scheduler in virtual time, completing every run {@code runMs} after it started. */
    private static final class Driver {
        final ProbeScheduler<String> s;
        final List<Run<String>> inFlight = new ArrayList<>();
        final List<Run<String>> startedRuns = new ArrayList<>();
        long runMs = 1;

        Driver(ProbeScheduler<String> s) {
            this.s = s;
        }

        void advance(long fromMs, long toMs, long tickMs, int budget) {
            for (long t = fromMs; t < toMs; t += tickMs) {
                tick(t, budget);
            }
        }

        void tick(long t, int budget) {
            final long now = t;
            inFlight.removeIf(r -> {
                if (r.startMs() + runMs <= now) {
                    s.completed(r);
                    return true;
                }
                return false;
            });
            s.poll(now, budget - inFlight.size(), r -> {
                inFlight.add(r);
                startedRuns.add(r);
            });
        }
    }

    @Test
    void startsThousandsOfChecksSpreadAcrossTheirIntervalNotAllAtOnce() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        s.replace(checks(10_000, 10_000), T0);
        Driver d = new Driver(s);
        d.advance(T0, T0 + 10_000 + 10, 10, Integer.MAX_VALUE);
        d.startedRuns.removeIf(r -> r.dueMs() >= T0 + 10_000);

        assertThat(d.startedRuns).extracting(Run::id).doesNotHaveDuplicates().hasSize(10_000);
        int[] perSecond = new int[10];
        d.startedRuns.forEach(r -> perSecond[(int) ((r.dueMs() - T0) / 1000)]++);
        // even spread is 1,000 per second; a herd would put them all in the first second
        for (int c : perSecond) {
            assertThat(c).isBetween(850, 1150);
        }
        assertThat(s.lag().maxMs()).isLessThan(10);
    }

    @Test
    void eachCheckRunsOncePerIntervalAtAStablePhase() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        s.replace(checks(100, 5_000), T0);
        Driver d = new Driver(s);
        d.advance(T0, T0 + 20_000 + 10, 10, Integer.MAX_VALUE);
        d.startedRuns.removeIf(r -> r.dueMs() >= T0 + 20_000);

        Map<String, List<Long>> starts = new HashMap<>();
        d.startedRuns.forEach(r -> starts.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.dueMs()));
        assertThat(starts).hasSize(100);
        starts.forEach((id, dues) -> {
            assertThat(dues).hasSize(4);
            for (int i = 1; i < dues.size(); i++) {
                assertThat(dues.get(i) - dues.get(i - 1)).isEqualTo(5_000);
            }
            assertThat(Math.floorMod(dues.get(0), 5_000L)).isEqualTo(Phase.of(id, 5_000));
        });
    }

    @Test
    void runsThatHangUntilTheTimeoutOverlapAndTheCheckIsStillProbedAtEverySlot() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        s.replace(IntStream.range(0, 10).mapToObj(i -> new Scheduled<>("svc" + i + ".http", 200, 500, "c" + i)).toList(), T0);
        Driver d = new Driver(s);
        d.runMs = 510; // every run hangs until its 500 ms timeout and comes back a tick late
        d.advance(T0, T0 + 10_000, 10, Integer.MAX_VALUE);

        Map<String, List<Run<String>>> byId = new HashMap<>();
        d.startedRuns.forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        assertThat(byId).hasSize(10);
        byId.values().forEach(runs -> {
            assertThat(runs).hasSizeBetween(49, 50);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i).dueMs() - runs.get(i - 1).dueMs()).isEqualTo(200);
            }
        });
        assertThat(s.skippedOverlap()).isZero();
        assertThat(s.missedRuns()).isZero();
        assertThat(s.inFlight()).isEqualTo(d.inFlight.size()).isBetween(10 * 2, 10 * 3);
    }

    @Test
    void aRunStuckBeyondItsTimeoutStopsItsCheckAtTheBoundAndCountsTheSkips() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        s.replace(checks(10, 1_000), T0); // timeout = interval: at most 2 in flight per check
        Driver d = new Driver(s);
        d.runMs = 4_500; // each run lasts far longer than its timeout (a checker bug)
        d.advance(T0, T0 + 10_000, 10, Integer.MAX_VALUE);

        Map<String, List<Run<String>>> byId = new HashMap<>();
        d.startedRuns.forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        byId.values().forEach(runs -> {
            for (int i = 2; i < runs.size(); i++) {
                assertThat(runs.get(i).startMs()).isGreaterThanOrEqualTo(runs.get(i - 2).startMs() + 4_500);
            }
        });
        assertThat(d.inFlight.stream().collect(java.util.stream.Collectors.groupingBy(Run::id)).values())
                .allSatisfy(runs -> assertThat(runs).hasSizeLessThanOrEqualTo(2));
        assertThat(s.skippedOverlap()).isGreaterThanOrEqualTo(10L * 4);
        assertThat(s.inFlight()).isEqualTo(d.inFlight.size());
    }

    @Test
    void inFlightBoundPerCheckIsTheTimeoutInIntervalsRoundedUpPlusOne() {
        assertThat(new Scheduled<>("a", 200, 300, "x").maxInFlight()).isEqualTo(3);
        assertThat(new Scheduled<>("a", 200, 400, "x").maxInFlight()).isEqualTo(3);
        assertThat(new Scheduled<>("a", 200, 500, "x").maxInFlight()).isEqualTo(4);
        assertThat(new Scheduled<>("a", 1_000, 1_000, "x").maxInFlight()).isEqualTo(2);
        assertThat(new Scheduled<>("a", 30_000, 10_000, "x").maxInFlight()).isEqualTo(2);
        assertThat(new Scheduled<>("a", 1_000, "x").maxInFlight()).isEqualTo(2);
        assertThat(new Scheduled<>("a", 1, Long.MAX_VALUE, "x").maxInFlight()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void completingARunTwiceFreesItsPlaceOnce() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        s.replace(List.of(new Scheduled<>("a.http", 100, "a")), T0);
        List<Run<String>> runs = new ArrayList<>();
        s.poll(s.dueMs("a.http"), 10, runs::add);
        s.poll(s.dueMs("a.http"), 10, runs::add);
        assertThat(s.inFlight()).isEqualTo(2);
        s.completed(runs.get(0));
        s.completed(runs.get(0));
        assertThat(s.inFlight()).isEqualTo(1);
        s.poll(s.dueMs("a.http"), 10, runs::add);
        s.poll(s.dueMs("a.http"), 10, runs::add);
        assertThat(runs).hasSize(3);
        assertThat(s.skippedOverlap()).isEqualTo(1);
    }

    @Test
    void measuresLagAsStartMinusDue() {
        ProbeScheduler<String> s = new ProbeScheduler<>(1_000, 10_000);
        s.replace(checks(1_000, 10_000), T0);
        Driver d = new Driver(s);
        d.advance(T0 + 50, T0 + 10_000 + 50, 50, Integer.MAX_VALUE); // a coarse 50 ms tick

        LagStats lag = s.lagSnapshotAndReset();
        assertThat(lag.samples()).isEqualTo(1_000);
        assertThat(lag.maxMs()).isBetween(45L, 49L);
        assertThat(lag.p50Ms()).isBetween(20L, 30L);
        assertThat(lag.p99Ms()).isBetween(45L, 49L);
        d.startedRuns.forEach(r -> assertThat(r.startMs() - r.dueMs()).isBetween(0L, 49L));
        assertThat(s.lag()).isEqualTo(LagStats.EMPTY);
    }

    @Test
    void aSmallBudgetDelaysRunsAndTheLagShowsIt() {
        ProbeScheduler<String> s = new ProbeScheduler<>(1_000, 10_000);
        s.replace(checks(1_000, 1_000), T0);
        Driver d = new Driver(s);
        d.runMs = 20;
        d.advance(T0, T0 + 5_000, 10, 10); // capacity 10 runs of 20 ms per 10 ms tick → 500/s for 1,000/s due

        assertThat(s.lag().p99Ms()).isGreaterThan(100);
        assertThat(d.inFlight).hasSizeLessThanOrEqualTo(10);
        assertThat(s.missedRuns()).isPositive();
    }

    @Test
    void afterAStallRunsResumeSpreadAndMissedRunsAreNotReplayed() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        s.replace(checks(10_000, 10_000), T0);
        Driver d = new Driver(s);
        d.advance(T0, T0 + 20_000, 10, Integer.MAX_VALUE);
        d.startedRuns.clear();

        long resume = T0 + 50_000; // a 30 s stall: every check missed three runs
        d.advance(resume, resume + 10_000, 10, Integer.MAX_VALUE);

        Map<Long, Integer> perTick = new HashMap<>();
        d.startedRuns.forEach(r -> perTick.merge(r.startMs(), 1, Integer::sum));
        // steady state is 10 per 10 ms tick, and it stays so right after the stall
        perTick.forEach((t, n) -> assertThat(n).as("starts at +%d ms", t - resume).isLessThanOrEqualTo(30));
        assertThat(d.startedRuns).hasSizeBetween(9_900, 10_000);
        Set<String> ids = new HashSet<>();
        d.startedRuns.forEach(r -> assertThat(ids.add(r.id())).as("%s ran twice in one interval", r.id()).isTrue());
        assertThat(s.missedRuns()).isGreaterThan(9_000);
    }

    @Test
    void replacingTheChecksStartsAddedOnesAtTheirPhaseAndStopsRemovedOnes() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        s.replace(checks(100, 1_000), T0);
        Driver d = new Driver(s);
        d.advance(T0, T0 + 2_000, 10, Integer.MAX_VALUE);

        List<Scheduled<String>> next = new ArrayList<>(checks(50, 1_000));
        next.add(new Scheduled<>("new.http", 1_000, "new"));
        next.add(new Scheduled<>("svc0.http", 1_000, "c0-v2"));
        next.remove(0);
        long kept = s.dueMs("svc1.http");
        s.replace(next, T0 + 2_000);
        assertThat(s.size()).isEqualTo(51);
        assertThat(s.dueMs("svc1.http")).isEqualTo(kept);
        assertThat(s.dueMs("svc70.http")).isEqualTo(-1);
        assertThat(s.dueMs("new.http")).isEqualTo(Phase.nextSlot(Phase.of("new.http", 1_000), 1_000, T0 + 2_000));

        d.startedRuns.clear();
        d.advance(T0 + 2_000, T0 + 4_000, 10, Integer.MAX_VALUE);
        assertThat(d.startedRuns).extracting(Run::id).doesNotContain("svc70.http", "svc99.http")
                .contains("new.http", "svc49.http");
        assertThat(d.startedRuns).filteredOn(r -> r.id().equals("svc0.http")).extracting(Run::payload).containsOnly("c0-v2");
        assertThat(d.startedRuns).hasSize(51 * 2);
    }

    @Test
    void aRemovedCheckReaddedWhileInFlightKeepsItsInFlightBound() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        List<Scheduled<String>> one = List.of(new Scheduled<>("a.http", 100, "a"));
        s.replace(one, T0);
        List<Run<String>> runs = new ArrayList<>();
        s.poll(T0 + 100, 10, runs::add);
        s.poll(T0 + 200, 10, runs::add);
        assertThat(runs).hasSize(2);
        s.replace(List.of(), T0 + 200);
        s.replace(List.of(new Scheduled<>("a.http", 50, "a")), T0 + 200);
        s.poll(T0 + 250, 10, runs::add);
        assertThat(runs).hasSize(2);
        assertThat(s.skippedOverlap()).isEqualTo(1);
        s.completed(runs.get(0));
        s.poll(T0 + 300, 10, runs::add);
        assertThat(runs).hasSize(3);
    }

    @Test
    void rejectsDuplicateIdsAndBadIntervals() {
        ProbeScheduler<String> s = new ProbeScheduler<>(500, 10_000);
        assertThatThrownBy(() -> s.replace(List.of(new Scheduled<>("a", 10, "x"), new Scheduled<>("a", 10, "y")), T0))
                .hasMessage("check id 'a' appears twice in the assignment");
        assertThatThrownBy(() -> new Scheduled<>("b", 0, "x")).hasMessage("interval of check 'b' must be at least 1 ms, found 0");
        assertThatThrownBy(() -> new Scheduled<>("c", 10, 0, "x")).hasMessage("timeout of check 'c' must be at least 1 ms, found 0");
    }

    @Test
    void phaseIsStableAndInsideTheInterval() {
        assertThat(Phase.of("kakao-talk.http", 5_000)).isEqualTo(Phase.of("kakao-talk.http", 5_000)).isBetween(0L, 4_999L);
        assertThat(Phase.nextSlot(300, 1_000, 5_300)).isEqualTo(5_300);
        assertThat(Phase.nextSlot(300, 1_000, 5_301)).isEqualTo(6_300);
        assertThat(Phase.nextSlot(300, 1_000, -1)).isEqualTo(300);
    }
}
