package dev.bongsu.alerting.notify.telegram;

import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.JsonPostNotifier;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.NotificationText;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.receiver.TelegramSettings;
import io.vertx.core.json.JsonObject;

/** Telegram Bot API {@code sendMessage} with HTML formatting; the bot token is in the path and never logged. */
public final class TelegramNotifier extends JsonPostNotifier<TelegramSettings> {
    private static final int MAX_TEXT = 4096;

    /** A notifier for one Telegram chat. */
    public TelegramNotifier(ReceiverConfig cfg, HttpDelivery http) {
        super(cfg, TelegramSettings.class, http);
    }

    @Override
    protected String url() {
        return baseUrl(settings.url()) + "/bot" + settings.botToken() + "/sendMessage";
    }

    @Override
    protected String payload(Notification n) {
        return body(n, settings.chatId()).encode();
    }

    /** The sendMessage body. */
    public static JsonObject body(Notification n, String chatId) {
        StringBuilder t = new StringBuilder();
        t.append("<b>").append(html(NotificationText.headline(n))).append("</b>\n")
                .append(html(NotificationText.facts(n)));
        if (n.notice() != null) {
            t.append("\n\n⚠️ ").append(html(n.notice()));
        }
        t.append("\n\n");
        if (n.link() != null) {
            t.append("<a href=\"").append(html(n.link())).append("\">Open incident</a> · ");
        }
        if (n.ackUrl() != null) {
            t.append("<a href=\"").append(html(n.ackUrl())).append("\">Acknowledge</a> · ");
        }
        t.append(html(NotificationText.footer(n)));
        String text = t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT - 1) + "…" : t.toString();
        return new JsonObject()
                .put("chat_id", chatId)
                .put("text", text)
                .put("parse_mode", "HTML")
                .put("disable_web_page_preview", true);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
