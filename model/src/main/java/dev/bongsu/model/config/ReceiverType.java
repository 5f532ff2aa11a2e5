package dev.bongsu.model.config;

import java.util.Locale;

/** The kinds of notification receivers; the alerting module has exactly one notifier class per kind. */
public enum ReceiverType {
    /** Generic signed JSON webhook. */
    WEBHOOK,
    /** Slack incoming webhook (Block Kit). */
    SLACK,
    /** PagerDuty Events API v2. */
    PAGERDUTY,
    /** Telegram Bot API sendMessage. */
    TELEGRAM,
    /** Prometheus Alertmanager API v2. */
    ALERTMANAGER,
    /** One log line per notification. */
    LOG;

    /** The config name, e.g. {@code pagerduty}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every config name, in declaration order. */
    public static String[] configNames() {
        ReceiverType[] all = values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].configName();
        }
        return out;
    }

    /** The type with this config name. */
    public static ReceiverType fromConfigName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
