package dev.bongsu.alerting.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The pending rows the outbox holds in memory, one lane per receiver and incident in row order: only the head of a
 * lane is attempted, so one incident reaches one receiver strictly in order, and pending updates followed by a later
 * update or resolution in the same lane are coalesced away. Used on the outbox's context only; no I/O.
 */
final class OutboxLanes {
    /** Told of each row that a later row of its lane supersedes (to be marked coalesced, with the reason). */
    @FunctionalInterface
    interface Coalesced {
        /** Records that {@code row} will not be sent, because of {@code reason}. */
        void mark(OutboxRow row, String reason);
    }

    private final Map<Lane, TreeMap<Long, OutboxEntry>> queues = new LinkedHashMap<>();

    /** Adds a pending row at its place in its lane. */
    void track(OutboxRow row) {
        queues.computeIfAbsent(new Lane(row.receiver(), row.incidentId()), l -> new TreeMap<>()).put(row.id(), new OutboxEntry(row));
    }

    /** Removes an entry from its lane (a lane left empty goes too). */
    void untrack(OutboxEntry e) {
        Lane lane = new Lane(e.row.receiver(), e.row.incidentId());
        TreeMap<Long, OutboxEntry> q = queues.get(lane);
        if (q != null) {
            q.remove(e.row.id());
            if (q.isEmpty()) {
                queues.remove(lane);
            }
        }
    }

    /** The number of pending entries in every lane. */
    int size() {
        return queues.values().stream().mapToInt(TreeMap::size).sum();
    }

    /** The entries of the lanes whose receiver matches, lane by lane in the order the lanes opened, each in row order. */
    List<OutboxEntry> ofReceivers(Predicate<String> receiver) {
        List<OutboxEntry> found = new ArrayList<>();
        queues.forEach((lane, q) -> {
            if (receiver.test(lane.receiver())) {
                found.addAll(q.values());
            }
        });
        return found;
    }

    /** Coalesces every lane (telling {@code coalesced} of each row dropped), then returns the idle heads, oldest row first. */
    List<OutboxEntry> idleHeads(Coalesced coalesced) {
        List<OutboxEntry> heads = new ArrayList<>();
        for (TreeMap<Long, OutboxEntry> q : new ArrayList<>(queues.values())) {
            coalesce(q, coalesced);
            if (q.isEmpty()) {
                continue;
            }
            OutboxEntry head = q.firstEntry().getValue();
            if (head.idle()) {
                heads.add(head);
            }
        }
        heads.sort((a, b) -> Long.compare(a.row.id(), b.row.id()));
        return heads;
    }

    /** Pending updates followed by a later update or resolution of the same incident carry nothing new. */
    private void coalesce(TreeMap<Long, OutboxEntry> q, Coalesced coalesced) {
        if (q.size() < 2) {
            return;
        }
        List<OutboxEntry> all = new ArrayList<>(q.values());
        boolean first = true;
        for (int i = 0; i < all.size() - 1; i++) {
            OutboxEntry e = all.get(i);
            if (!e.idle() || !"incident.updated".equals(e.row.event())) {
                continue;
            }
            OutboxEntry later = all.get(all.size() - 1);
            if (!"incident.opened".equals(later.row.event())) {
                if (first && e.row.notification() != null && later.row.notification() != null) {
                    // The receiver never sees e: the cause it was last told is e's previous one, not e's.
                    later.row = later.row.withNotification(
                            later.row.notification().withPreviousHypothesis(e.row.notification().previousHypothesis()));
                    first = false;
                }
                untrack(e);
                coalesced.mark(e.row, "superseded by " + later.row.key());
            }
        }
    }

    private record Lane(String receiver, String incidentId) {
    }
}
