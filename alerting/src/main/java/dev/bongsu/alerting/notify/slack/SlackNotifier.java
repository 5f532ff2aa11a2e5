package dev.bongsu.alerting.notify.slack;

import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.JsonPostNotifier;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.NotificationText;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.receiver.SlackSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A Slack incoming webhook: a plain-text fallback plus Block Kit blocks. */
public final class SlackNotifier extends JsonPostNotifier<SlackSettings> {
    private static final int SECTION_MAX = 2900;

    /** A notifier for one Slack receiver. */
    public SlackNotifier(ReceiverConfig cfg, HttpDelivery http) {
        super(cfg, SlackSettings.class, http);
    }

    @Override
    protected String url() {
        return settings.url();
    }

    @Override
    protected String payload(Notification n) {
        return body(n).encode();
    }

    /** The message body. */
    public static JsonObject body(Notification n) {
        String icon = n.event() == TransitionType.RESOLVED ? ":large_green_circle:" : switch (n.incident().severity()) {
            case CRITICAL -> ":red_circle:";
            case WARNING -> ":large_orange_circle:";
            case INFO -> ":large_blue_circle:";
        };
        JsonArray blocks = new JsonArray()
                .add(new JsonObject().put("type", "header").put("text", new JsonObject()
                        .put("type", "plain_text").put("text", cut(NotificationText.headline(n), 150))))
                .add(section(icon + " " + escape(NotificationText.facts(n))));
        if (n.notice() != null) {
            blocks.add(section(":warning: " + escape(n.notice())));
        }
        String context = escape(NotificationText.footer(n));
        if (n.link() != null) {
            context = "<" + n.link() + "|Open incident> · " + context;
        }
        if (n.ackUrl() != null) {
            context = "<" + escape(n.ackUrl()) + "|Acknowledge> · " + context;
        }
        blocks.add(new JsonObject().put("type", "context").put("elements",
                new JsonArray().add(new JsonObject().put("type", "mrkdwn").put("text", context))));
        String text = NotificationText.headline(n) + (n.link() == null ? "" : " " + n.link());
        return new JsonObject().put("text", text).put("blocks", blocks);
    }

    private static JsonObject section(String mrkdwn) {
        return new JsonObject().put("type", "section")
                .put("text", new JsonObject().put("type", "mrkdwn").put("text", cut(mrkdwn, SECTION_MAX)));
    }

    // Slack reads &, < and > as markup (<!channel> would ping everyone).
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
