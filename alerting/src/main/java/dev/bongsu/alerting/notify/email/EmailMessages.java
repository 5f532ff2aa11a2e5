package dev.bongsu.alerting.notify.email;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.NotificationText;
import dev.bongsu.model.config.SmtpConfig;
import dev.bongsu.model.config.receiver.EmailSettings;
import io.vertx.ext.mail.MailMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The on-call e-mail of a notification, as plain text in the receiver's language(s): subject
 * {@code [Bongsu] OPENED: 카카오 서비스 4개 동시 장애 / 4 Kakao services down}, the facts, the incident link and the
 * acknowledgement link. The {@code Message-ID} is derived from the receiver and the idempotency key, so a copy sent
 * again after a lost answer or a crash is the same message; {@code References} names the incident, so mail clients
 * thread its messages. Pure: builds messages, sends nothing.
 */
public final class EmailMessages {
    private static final String SEPARATOR = "\n\n----------------------------------------\n\n";

    private final SmtpConfig smtp;

    /** Messages from {@code smtp.from()}. */
    public EmailMessages(SmtpConfig smtp) {
        this.smtp = smtp;
    }

    /** The message of {@code n} to the receiver's addresses. */
    public MailMessage of(Notification n, EmailSettings settings) {
        MailMessage m = new MailMessage()
                .setFrom(smtp.from())
                .setTo(settings.to())
                .setSubject(oneLine(subject(n, settings)))
                .setText(body(n, settings))
                .addHeader("Message-ID", messageId(n.receiver(), n.idempotencyKey()))
                .addHeader("References", threadId(n.incident().id()))
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Bongsu-Event", n.eventName())
                .addHeader("X-Bongsu-Incident", oneLine(n.incident().id()))
                .addHeader("X-Bongsu-Idempotency-Key", oneLine(n.idempotencyKey()));
        if (smtp.replyTo() != null) {
            m.addHeader("Reply-To", smtp.replyTo());
        }
        return m;
    }

    /** E.g. {@code [Bongsu] OPENED: 카카오 서비스 4개 동시 장애 / 4 Kakao services down}. */
    public static String subject(Notification n, EmailSettings settings) {
        String en = NotificationText.headline(n);
        String tag = en.substring(1, en.indexOf(']'));
        String reminder = n.repeat() > 0 && !n.acknowledgedNow() ? " (reminder " + n.repeat() + ")" : "";
        String ko = n.incident().title().ko();
        String title = switch (settings.lang()) {
            case KO -> EmailText.tag(n) + (n.repeat() > 0 && !n.acknowledgedNow() ? " (다시 알림 " + n.repeat() + ")" : "") + ": " + ko;
            case EN -> tag + reminder + ": " + n.incident().title().en();
            case BOTH -> tag + reminder + ": " + (ko.equals(n.incident().title().en()) ? ko : ko + " / " + n.incident().title().en());
        };
        return settings.subjectPrefix() + " " + title;
    }

    /** The plain-text body: Korean, then English, as the receiver asks; then the footer. */
    public static String body(Notification n, EmailSettings settings) {
        StringBuilder b = new StringBuilder();
        if (settings.lang().korean()) {
            b.append(EmailText.headline(n)).append("\n\n").append(EmailText.facts(n));
            if (n.notice() != null) {
                b.append("\n\n").append(n.notice());
            }
            b.append("\n");
            if (n.link() != null) {
                b.append("\n사건 페이지: ").append(n.link());
            }
            String ack = EmailText.ackAction(n);
            if (ack != null) {
                b.append('\n').append(ack);
            }
        }
        if (settings.lang() == EmailSettings.Language.BOTH) {
            b.append(SEPARATOR);
        }
        if (settings.lang().english()) {
            b.append(NotificationText.headline(n)).append("\n\n").append(NotificationText.facts(n));
            if (n.notice() != null) {
                b.append("\n\n").append(n.notice());
            }
            b.append("\n");
            if (n.link() != null) {
                b.append("\nIncident: ").append(n.link());
            }
            NotificationText.ackAction(n).ifPresent(a -> b.append('\n').append(a));
        }
        b.append("\n\n-- \n").append(NotificationText.footer(n)).append('\n')
                .append("Bongsu → receiver '").append(n.receiver()).append("'\n");
        return b.toString();
    }

    /** {@code <hex@domain>}: the same for the same receiver and idempotency key, whichever process sends it. */
    public String messageId(String receiver, String idempotencyKey) {
        return "<" + digest(receiver + "\n" + idempotencyKey) + ".bongsu@" + oneLine(smtp.fromDomain()) + ">";
    }

    private String threadId(String incidentId) {
        return "<" + digest("incident\n" + incidentId) + ".bongsu@" + oneLine(smtp.fromDomain()) + ">";
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A header value on one line: control characters become spaces. */
    static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return out.toString().trim();
    }
}
