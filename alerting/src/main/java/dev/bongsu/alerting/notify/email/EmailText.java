package dev.bongsu.alerting.notify.email;

import dev.bongsu.alerting.notify.Causes;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.Incident;

/** The Korean words of an on-call e-mail: the same facts as {@code NotificationText} gives in English. */
final class EmailText {
    private EmailText() {
    }

    /** The word for what happened, e.g. {@code 발생}. */
    static String tag(Notification n) {
        if (n.acknowledgedNow()) {
            return "확인됨";
        }
        return switch (n.event()) {
            case OPENED -> "발생";
            case UPDATED -> "변경";
            case RESOLVED -> "해소";
        };
    }

    /** E.g. {@code [발생] 카카오 서비스 4개 동시 장애}. */
    static String headline(Notification n) {
        String reminder = n.repeat() > 0 && !n.acknowledgedNow() ? " (다시 알림 " + n.repeat() + ")" : "";
        return "[" + tag(n) + "]" + reminder + " " + n.incident().title().ko();
    }

    /** Severity, kind, services, vantages, likely cause, how it changed, and the acknowledgement. */
    static String facts(Notification n) {
        Incident i = n.incident();
        StringBuilder sb = new StringBuilder();
        sb.append("심각도: ").append(i.severity().wireName()).append(" · 종류: ").append(i.kind().wireName());
        if (!i.services().isEmpty()) {
            sb.append("\n서비스: ").append(String.join(", ", i.services()));
        }
        if (!i.vantages().isEmpty()) {
            sb.append("\n관측 위치: ").append(String.join(", ", i.vantages()));
        }
        if (n.causeChanged()) {
            sb.append("\n추정 원인 변경: ").append(Causes.change(n));
        }
        if (i.hypothesis() != null) {
            sb.append("\n추정 원인: ").append(i.hypothesis().text().ko());
        }
        Acknowledgement a = n.acknowledgement();
        if (a != null) {
            sb.append("\n확인: ").append(a.by()).append(" (").append(a.at()).append(')');
        }
        return sb.toString();
    }

    /** E.g. {@code 확인(ack) 링크: https://…}, while the incident is open and nobody has acknowledged it. */
    static String ackAction(Notification n) {
        return n.ackUrl() == null || n.acknowledgement() != null ? null : "확인(ack) 링크: " + n.ackUrl();
    }
}
