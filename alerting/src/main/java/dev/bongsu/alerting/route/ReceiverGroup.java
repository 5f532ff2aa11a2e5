package dev.bongsu.alerting.route;

import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import java.time.Duration;
import java.time.Instant;

/**
 * What the router keeps for one receiver and one incident: what it was told, what waits to be sent and when. A group
 * starts when a route or an escalation step first names the receiver for the incident and ends with the resolution.
 */
final class ReceiverGroup {
    /** A receiver and an incident. */
    record Key(String receiver, String incidentId) {
    }

    final Key key;
    final RouteTarget target;
    final Instant firstAt;
    Instant flushAt;
    Incident latest;
    Incident pending;
    TransitionType pendingType;
    boolean notified;
    boolean fallbackNotified;
    boolean repeatDue;
    int repeats;
    Instant lastSentAt;
    Hypothesis lastSentHypothesis;
    String lastReason;
    String lastSuppressedKey;
    int escalationStep;
    Duration escalationAfter;

    /** A group started at {@code now}; its first notification waits the target's group wait. */
    ReceiverGroup(Key key, RouteTarget target, Instant now) {
        this.key = key;
        this.target = target;
        this.firstAt = now;
        this.flushAt = now.plus(target.groupWait());
    }

    /** Takes the incident's latest state to send: a resolution at once, a change no sooner than a group interval after the last. */
    void update(Incident inc, TransitionType type, Instant now) {
        latest = inc;
        pending = inc;
        pendingType = type;
        repeatDue = false;
        if (type == TransitionType.RESOLVED) {
            flushAt = now;
        } else if (notified) {
            Instant earliest = lastSentAt.plus(target.groupInterval());
            flushAt = earliest.isAfter(now) ? earliest : now;
        }
    }

    /** Whether a reminder of the open incident is due: told, nothing waiting, and a repeat interval since the last send. */
    boolean reminderDue(Instant now) {
        return pending == null && notified && latest.isOpen() && !now.isBefore(lastSentAt.plus(target.repeatInterval()));
    }

    /** Makes the next reminder the notification waiting to be sent. */
    void remind() {
        repeats++;
        pending = latest;
        pendingType = TransitionType.UPDATED;
        repeatDue = true;
    }

    /** Records that {@code inc} was sent to the receiver at {@code now}. */
    void sent(Incident inc, Instant now) {
        notified = true;
        lastSentAt = now;
        lastSentHypothesis = inc.hypothesis();
        pending = null;
        repeatDue = false;
        lastReason = null;
    }
}
