package dev.bongsu.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import org.junit.jupiter.api.Test;

class PendingResultsTest {
    private static final long EPOCH = 1_767_225_600_000L;
    private static final long HOUR = 3_600_000;

    private static PendingResults.Finished run(String check, long wallMs, long monotonicMs) {
        return new PendingResults.Finished(ProbeResult.success(check, "svc", "busan", wallMs, 200, Timings.total(3)), monotonicMs);
    }

    @Test
    void resultsLeaveWithTheirWallClockStampsWhileTheWallClockKeepsPace() {
        PendingResults batch = new PendingResults();
        batch.add(run("a", EPOCH + 100, 100), 105);
        batch.add(run("b", EPOCH + 350, 349), 360); // a millisecond between the two clock readings is no jump
        assertThat(batch.waitedMs(400)).isEqualTo(295);

        assertThat(batch.take(EPOCH + 400, 400)).extracting(ProbeResult::startedAt).containsExactly(EPOCH + 100, EPOCH + 350);
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.waitedMs(500)).isZero();
    }

    @Test
    void aRunStartedBeforeTheWallClockJumpedLeavesInTheClocksNewFrame() {
        PendingResults batch = new PendingResults();
        // started while the wall clock was 1 h behind, sent after it was set right
        batch.add(run("a", EPOCH + 1_000 - HOUR, 1_000), 1_200);
        // started after it was set right
        batch.add(run("b", EPOCH + 1_600, 1_600), 1_650);

        assertThat(batch.take(EPOCH + 1_700, 1_700)).extracting(ProbeResult::checkId, ProbeResult::startedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", EPOCH + 1_000), org.assertj.core.groups.Tuple.tuple("b", EPOCH + 1_600));
    }

    @Test
    void aRunStartedBeforeTheWallClockJumpedAheadIsStampedAheadLikeTheBatchSoTheServerCorrectsBothAlike() {
        PendingResults batch = new PendingResults();
        batch.add(run("a", EPOCH + 1_000, 1_000), 1_200);

        assertThat(batch.take(EPOCH + HOUR + 1_300, 1_300)).singleElement()
                .satisfies(r -> assertThat(r.startedAt()).isEqualTo(EPOCH + HOUR + 1_000));
    }
}
