package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one registry of receiver kinds: the YAML {@code type:} name, the keys of the kind and its reader. Adding a
 * receiver kind is one settings record, one line here and one line in the alerting module's {@code Notifiers}.
 */
public final class ReceiverKinds {
    /**
     * One kind of receiver.
     *
     * @param type   the YAML {@code type:} name
     * @param keys   the keys of this kind besides the common ones
     * @param reader reads the kind's settings from a receiver's mapping
     */
    public record Kind(String type, List<String> keys, Function<ConfigNode, ? extends ReceiverSettings> reader) {
        public Kind {
            keys = List.copyOf(keys);
        }
    }

    private static final Map<String, Kind> KINDS = index(
            new Kind(WebhookSettings.TYPE, WebhookSettings.KEYS, WebhookSettings::read),
            new Kind(SlackSettings.TYPE, SlackSettings.KEYS, SlackSettings::read),
            new Kind(PagerDutySettings.TYPE, PagerDutySettings.KEYS, PagerDutySettings::read),
            new Kind(TelegramSettings.TYPE, TelegramSettings.KEYS, TelegramSettings::read),
            new Kind(AlertmanagerSettings.TYPE, AlertmanagerSettings.KEYS, AlertmanagerSettings::read),
            new Kind(LogSettings.TYPE, LogSettings.KEYS, LogSettings::read),
            new Kind(EmailSettings.TYPE, EmailSettings.KEYS, EmailSettings::read));

    private ReceiverKinds() {
    }

    private static Map<String, Kind> index(Kind... kinds) {
        Map<String, Kind> out = new LinkedHashMap<>();
        for (Kind k : kinds) {
            out.put(k.type(), k);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every kind, in documentation order. */
    public static List<Kind> all() {
        return List.copyOf(KINDS.values());
    }

    /** Every YAML type name, in documentation order. */
    public static String[] types() {
        return KINDS.keySet().toArray(String[]::new);
    }

    /** The kind with this YAML type name. */
    public static Optional<Kind> of(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }
}
