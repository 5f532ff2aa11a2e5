package dev.bongsu.statuspage.subscribe;

import dev.bongsu.statuspage.api.BadParameter;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid request to subscribe, read from the form of {@code POST /subscribe} or the JSON of
 * {@code POST /api/v1/subscriptions}: exactly one of {@code email} and {@code webhook}, {@code lang} ({@code ko} or
 * {@code en}), and what to hear about ({@code provider}/{@code category}/{@code service} fields of the form, or the
 * {@code providers}/{@code categories}/{@code services} lists of the JSON; nothing chosen is everything). Each bad
 * field is a {@link BadParameter} naming it.
 *
 * @param channel e-mail or webhook
 * @param address the address, normalised by {@link AddressRules}
 * @param lang    {@code ko} or {@code en}
 * @param scope   what to hear about
 */
public record SubscriptionRequest(Subscriber.Channel channel, String address, String lang, SubscriberScope scope) {
    private static final Set<String> JSON_FIELDS = Set.of("email", "webhook", "lang", "providers", "categories", "services");

    /** Reads the JSON body; {@code defaultLang} when it names none. */
    public static SubscriptionRequest fromJson(JsonObject body, String defaultLang, SubscriptionChoices choices, boolean privateWebhooks) {
        if (body == null) {
            throw new BadParameter("body: expected a JSON object such as {\"email\":\"reader@example.com\",\"lang\":\"en\"}");
        }
        for (String k : body.fieldNames()) {
            if (!JSON_FIELDS.contains(k)) {
                throw new BadParameter(shortName(k) + ": unknown field; expected email or webhook, lang, providers, categories, services");
            }
        }
        return of(text(body, "email"), text(body, "webhook"), text(body, "lang"), defaultLang,
                list(body, "providers"), list(body, "categories"), list(body, "services"), choices, privateWebhooks);
    }

    /** Reads the form fields; {@code defaultLang} when it names none. */
    public static SubscriptionRequest fromForm(MultiMap form, String defaultLang, SubscriptionChoices choices, boolean privateWebhooks) {
        return of(form.get("email"), form.get("webhook"), form.get("lang"), defaultLang, form.getAll("provider"),
                form.getAll("category"), form.getAll("service"), choices, privateWebhooks);
    }

    private static SubscriptionRequest of(String email, String webhook, String lang, String defaultLang, List<String> providers,
                                          List<String> categories, List<String> services, SubscriptionChoices choices,
                                          boolean privateWebhooks) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasHook = webhook != null && !webhook.isBlank();
        if (hasEmail == hasHook) {
            throw new BadParameter(hasEmail ? "email, webhook: give only one of them"
                    : "email: required (or webhook: an https:// URL to call instead)");
        }
        String l = lang == null || lang.isBlank() ? defaultLang : lang.strip();
        if (!"ko".equals(l) && !"en".equals(l)) {
            throw new BadParameter("lang: expected ko or en");
        }
        SubscriberScope scope = new SubscriberScope(checked("providers", "provider", providers, choices.providers()),
                checked("categories", "category", categories, choices.categories()),
                checked("services", "service", services, choices.services()));
        return hasEmail ? new SubscriptionRequest(Subscriber.Channel.EMAIL, AddressRules.email(email), l, scope)
                : new SubscriptionRequest(Subscriber.Channel.WEBHOOK, AddressRules.webhook(webhook, privateWebhooks), l, scope);
    }

    private static Set<String> checked(String field, String what, List<String> values, Map<String, ?> allowed) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String s = v == null ? "" : v.strip();
            if (!allowed.containsKey(s)) {
                throw new BadParameter(field + ": '" + shortName(s) + "' is not a " + what + " on this page; expected one of "
                        + String.join(", ", allowed.keySet()));
            }
            out.add(s);
        }
        return out;
    }

    private static String text(JsonObject body, String key) {
        Object v = body.getValue(key);
        if (v != null && !(v instanceof String)) {
            throw new BadParameter(key + ": expected a string");
        }
        return (String) v;
    }

    private static List<String> list(JsonObject body, String key) {
        Object v = body.getValue(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw new BadParameter(key + ": expected a list of strings");
        }
        List<String> out = new ArrayList<>(a.size());
        for (Object o : a) {
            if (!(o instanceof String s)) {
                throw new BadParameter(key + ": expected a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    /** A client's value as it may be quoted back: at most 64 characters, printable ASCII and letters only. */
    static String shortName(String s) {
        String clean = s.codePoints().filter(c -> c >= 0x20 && c != 0x7f && (c < 0x80 || Character.isLetterOrDigit(c)))
                .limit(64).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() < s.length() ? clean + "…" : clean;
    }
}
