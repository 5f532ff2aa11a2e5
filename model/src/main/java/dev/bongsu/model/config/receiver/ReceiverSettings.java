package dev.bongsu.model.config.receiver;

import java.util.List;

/**
 * The settings of one kind of receiver: one record per kind, next to nothing else, read by its own {@code read}
 * and registered once in {@link ReceiverKinds}. The alerting module has one notifier per kind.
 */
public sealed interface ReceiverSettings
        permits WebhookSettings, SlackSettings, PagerDutySettings, TelegramSettings, AlertmanagerSettings, LogSettings, EmailSettings {

    /** The {@code type:} of this kind in YAML, e.g. {@code pagerduty}. */
    String type();

    /** The values that must never be shown in logs or errors (tokens, keys, URLs with secrets in them). */
    List<String> secrets();

    /** Whether this kind sends through the top-level {@code smtp} section. */
    default boolean needsSmtp() {
        return false;
    }
}
