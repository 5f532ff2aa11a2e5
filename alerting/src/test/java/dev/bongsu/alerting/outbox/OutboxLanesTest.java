package dev.bongsu.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxLanesTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static OutboxRow row(long id, String receiver, String incident, String event) {
        return new OutboxRow(id, receiver, incident, incident + ":" + id, event, OutboxStore.PENDING, 0, T0, T0, null, null);
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(e -> e.row.id()).toList();
    }

    @Test
    void onlyTheIdleHeadOfEachLaneIsOfferedOldestFirst() {
        OutboxLanes lanes = new OutboxLanes();
        lanes.track(row(3, "chat", "b", "incident.opened"));
        lanes.track(row(1, "chat", "a", "incident.opened"));
        lanes.track(row(2, "pager", "a", "incident.opened"));
        lanes.track(row(4, "chat", "a", "incident.resolved"));

        List<OutboxEntry> heads = lanes.idleHeads((r, why) -> { });
        assertThat(ids(heads)).containsExactly(1L, 2L, 3L);

        heads.get(0).inFlight = true;
        assertThat(ids(lanes.idleHeads((r, why) -> { }))).containsExactly(2L, 3L);
        assertThat(lanes.size()).isEqualTo(4);
    }

    @Test
    void updatesFollowedByALaterUpdateOrResolutionAreCoalesced() {
        OutboxLanes lanes = new OutboxLanes();
        lanes.track(row(1, "chat", "a", "incident.opened"));
        lanes.track(row(2, "chat", "a", "incident.updated"));
        lanes.track(row(3, "chat", "a", "incident.updated"));
        lanes.track(row(4, "chat", "a", "incident.resolved"));
        List<String> marked = new ArrayList<>();

        List<OutboxEntry> heads = lanes.idleHeads((r, why) -> marked.add(r.id() + " " + why));

        assertThat(ids(heads)).containsExactly(1L);
        assertThat(marked).containsExactly("2 superseded by a:4", "3 superseded by a:4");
        assertThat(ids(lanes.ofReceivers("chat"::equals))).containsExactly(1L, 4L);
    }

    @Test
    void anUpdateBeforeAReopeningIsKept() {
        OutboxLanes lanes = new OutboxLanes();
        lanes.track(row(1, "chat", "a", "incident.updated"));
        lanes.track(row(2, "chat", "a", "incident.opened"));
        List<OutboxRow> marked = new ArrayList<>();

        lanes.idleHeads((r, why) -> marked.add(r));

        assertThat(marked).isEmpty();
        assertThat(lanes.size()).isEqualTo(2);
    }

    @Test
    void untrackingTheLastEntryClosesTheLane() {
        OutboxLanes lanes = new OutboxLanes();
        lanes.track(row(1, "chat", "a", "incident.opened"));
        lanes.track(row(2, "pager", "a", "incident.opened"));

        lanes.untrack(lanes.ofReceivers("chat"::equals).get(0));

        assertThat(lanes.ofReceivers("chat"::equals)).isEmpty();
        assertThat(ids(lanes.ofReceivers(r -> true))).containsExactly(2L);
        assertThat(lanes.size()).isEqualTo(1);
    }
}
