package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.SmtpConfig;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.Subscriber;
import io.vertx.ext.mail.MailMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The e-mails to subscribers, in their language, as plain text: a notice (subject = the public title; what happened,
 * the permalink and the unsubscribe link) and the double-opt-in request. Every message carries
 * {@code List-Unsubscribe} with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058),
 * {@code Auto-Submitted: auto-generated} and a {@code Message-ID} derived from the subscriber and the notice key, so a
 * copy resent after a crash has the same id. Pure: builds messages, sends nothing.
 */
public final class MailMessages {
    private final SmtpConfig smtp;
    private final PublicView view;
    private final LocalizedText siteTitle;

    /** Messages from {@code smtp.from()}, naming services through the public view. */
    public MailMessages(SmtpConfig smtp, PublicView view) {
        this.smtp = smtp;
        this.view = view;
        this.siteTitle = view.config().statusPage().title();
    }

    /** The message telling {@code s} about {@code n}; {@code permalink} and {@code unsubscribeUrl} are absolute. */
    public MailMessage notice(Subscriber s, PublicNotice n, String permalink, String unsubscribeUrl) {
        Lang lang = lang(s);
        StringBuilder body = new StringBuilder();
        body.append(n.title().in(lang.tag())).append("\n\n");
        body.append(event(lang, n)).append('\n');
        if (n.text() != null) {
            body.append(n.text().in(lang.tag())).append('\n');
        }
        if (!n.services().isEmpty()) {
            body.append(Texts.t(lang, "msg.services", view.names(n.services(), lang))).append('\n');
        }
        body.append('\n').append(Texts.t(lang, "msg.details", permalink)).append("\n\n");
        footer(body, lang, unsubscribeUrl);
        return base(s, n.title().in(lang.tag()), body.toString(), unsubscribeUrl)
                .addHeader("Message-ID", messageId(s.id(), n.key()));
    }

    /** The double-opt-in request to an e-mail subscriber. */
    public MailMessage confirmation(Subscriber s, String confirmUrl, String unsubscribeUrl) {
        Lang lang = lang(s);
        String site = siteTitle.in(lang.tag());
        StringBuilder body = new StringBuilder();
        body.append(Texts.t(lang, "msg.confirm.body")).append("\n\n");
        body.append(Texts.t(lang, "msg.confirm.link", confirmUrl)).append("\n\n");
        body.append(Texts.t(lang, "msg.confirm.ignore")).append("\n\n");
        footer(body, lang, unsubscribeUrl);
        return base(s, Texts.t(lang, "msg.confirm.subject", site), body.toString(), unsubscribeUrl)
                .addHeader("Message-ID", messageId(s.id(), "confirm:" + s.createdAt()));
    }

    /** The sentence saying what happened and when (KST). */
    static String event(Lang lang, PublicNotice n) {
        String key = "msg.event." + n.event();
        String when = Times.display(n.at());
        try {
            return Texts.t(lang, key, when);
        } catch (IllegalArgumentException unknownEvent) {
            return Texts.t(lang, "msg.event.other", when);
        }
    }

    /** {@code <hex@domain>}: the same for the same subscriber and notice key, whichever process sends it. */
    public String messageId(String subscriberId, String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((subscriberId + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(d, 0, 20) + ".bongsu@" + oneLine(smtp.fromDomain()) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private MailMessage base(Subscriber s, String subject, String text, String unsubscribeUrl) {
        MailMessage m = new MailMessage()
                .setFrom(smtp.from())
                .setTo(oneLine(s.address()))
                .setSubject(oneLine(subject))
                .setText(text)
                .addHeader("List-Unsubscribe", "<" + oneLine(unsubscribeUrl) + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
        if (smtp.replyTo() != null) {
            m.addHeader("Reply-To", smtp.replyTo());
        }
        return m;
    }

    private void footer(StringBuilder body, Lang lang, String unsubscribeUrl) {
        body.append("-- \n");
        body.append(Texts.t(lang, "msg.footer", siteTitle.in(lang.tag()))).append('\n');
        body.append(Texts.t(lang, "msg.unsubscribe", unsubscribeUrl)).append('\n');
    }

    private static Lang lang(Subscriber s) {
        return Lang.ofTag(s.lang()).orElse(Lang.KO);
    }

    /** A header value on one line: CR, LF and other control characters become spaces. */
    static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return out.toString().trim();
    }
}
