package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;
import java.util.Map;

/**
 * The public status page.
 *
 * @param title         the page title
 * @param description   a line under the title, or {@code null}
 * @param publicUrl     the page's address as the public reaches it (links in e-mails and webhooks), without a
 *                      trailing slash, or {@code null} to use the server's own address
 * @param valueNames    display names of attribute values by attribute then value, e.g.
 *                      {@code provider → kakao → {카카오, Kakao}}; a value without one is shown as it is
 * @param subscriptions e-mail and webhook subscriptions
 */
public record StatusPageConfig(LocalizedText title, LocalizedText description, String publicUrl,
                               Map<String, Map<String, LocalizedText>> valueNames, SubscriptionsConfig subscriptions) {

    public StatusPageConfig {
        valueNames = Map.copyOf(valueNames);
    }

    /** The defaults. */
    public static StatusPageConfig defaults() {
        return new StatusPageConfig(new LocalizedText("봉수 서비스 상태", "Bongsu service status"), null, null, Map.of(),
                SubscriptionsConfig.defaults());
    }

    /** A permalink: absolute on {@code publicUrl} when it is set, else the path alone (the page is wherever it is read). */
    public String permalink(String path) {
        return (publicUrl == null ? "" : publicUrl) + path;
    }

    /** The display name of an attribute value, or the value itself in both languages. */
    public LocalizedText valueName(String attribute, String value) {
        LocalizedText t = valueNames.getOrDefault(attribute, Map.of()).get(value);
        return t != null ? t : new LocalizedText(value, value);
    }
}
