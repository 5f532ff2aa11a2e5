package dev.bongsu.alerting.notify;

import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;

/** The human words of a notification, shared by the chat and log receivers (English). */
public final class NotificationText {
    private NotificationText() {
    }

    /** E.g. {@code [OPENED] Correlated outage: 4 services …}. */
    public static String headline(Notification n) {
        if (n.acknowledgedNow()) {
            return "[ACKNOWLEDGED] " + n.incident().title().en();
        }
        String tag = switch (n.event()) {
            case OPENED -> "OPENED";
            case UPDATED -> "UPDATED";
            case RESOLVED -> "RESOLVED";
        };
        String reminder = n.repeat() > 0 ? " (reminder " + n.repeat() + ")" : "";
        return "[" + tag + "]" + reminder + " " + n.incident().title().en();
    }

    /** The facts: severity, kind, services, vantages, likely cause, and how the cause changed when it did. */
    public static String facts(Notification n) {
        Incident i = n.incident();
        StringBuilder sb = new StringBuilder();
        sb.append("Severity: ").append(i.severity().wireName()).append(" · Kind: ").append(i.kind().wireName());
        if (!i.services().isEmpty()) {
            sb.append("\nServices: ").append(String.join(", ", i.services()));
        }
        if (!i.vantages().isEmpty()) {
            sb.append("\nSeen from: ").append(String.join(", ", i.vantages()));
        }
        if (n.causeChanged()) {
            sb.append("\nLikely cause changed: ").append(Causes.change(n));
        }
        if (i.hypothesis() != null) {
            sb.append("\nLikely cause: ").append(i.hypothesis().text().en());
        }
        acknowledged(n).ifPresent(a -> sb.append("\n").append(a));
        return sb.toString();
    }

    /** E.g. {@code Acknowledged by kim at 2026-…Z}, when someone acknowledged the incident. */
    public static java.util.Optional<String> acknowledged(Notification n) {
        dev.bongsu.model.Acknowledgement a = n.acknowledgement();
        return a == null ? java.util.Optional.empty() : java.util.Optional.of("Acknowledged by " + a.by() + " at " + a.at());
    }

    /** E.g. {@code Acknowledge: https://…/api/v1/ack/…}, while the incident is open and not acknowledged. */
    public static java.util.Optional<String> ackAction(Notification n) {
        return n.ackUrl() == null || n.acknowledgement() != null ? java.util.Optional.empty()
                : java.util.Optional.of("Acknowledge: " + n.ackUrl());
    }

    /** E.g. {@code incident 01J… · #3 · started 2026-…}. */
    public static String footer(Notification n) {
        Incident i = n.incident();
        String s = "incident " + i.id() + " · #" + i.sequence() + " · started " + i.startedAt();
        if (n.event() == TransitionType.RESOLVED && i.resolvedAt() != null) {
            s += " · resolved " + i.resolvedAt();
        }
        return s;
    }
}
