package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;
import java.net.URI;
import java.util.Map;

/** Reads the {@code statusPage} section. */
final class StatusPageSection {
    private StatusPageSection() {
    }

    static StatusPageConfig read(ConfigNode n) {
        n.allowOnly("title", "description", "publicUrl", "valueNames", "subscriptions");
        StatusPageConfig d = StatusPageConfig.defaults();
        return new StatusPageConfig(text(n.get("title"), d.title()), text(n.get("description"), d.description()),
                publicUrl(n.get("publicUrl")), valueNames(n.get("valueNames")), SubscriptionsSection.read(n.get("subscriptions")));
    }

    /**
     * {@code valueNames: {provider: {kakao: {ko: 카카오, en: Kakao}}}}: display names of attribute values by attribute
     * (one of {@link ServiceConfig#ATTRIBUTES}) then value; each name is one text or {@code {ko, en}}.
     */
    private static Map<String, Map<String, LocalizedText>> valueNames(ConfigNode n) {
        Map<String, Map<String, LocalizedText>> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> attr : n.entries().entrySet()) {
            if (!ServiceConfig.ATTRIBUTES.contains(attr.getKey())) {
                throw attr.getValue().problem("unknown attribute; expected one of " + String.join(", ", ServiceConfig.ATTRIBUTES));
            }
            Map<String, LocalizedText> names = new java.util.LinkedHashMap<>();
            attr.getValue().entries().forEach((value, name) -> names.put(value, name.localizedText()));
            out.put(attr.getKey(), Map.copyOf(names));
        }
        return out;
    }

    /** A text given as one string or as {@code {ko, en}}. */
    static LocalizedText text(ConfigNode n, LocalizedText def) {
        return n.isMissing() ? def : n.localizedText();
    }

    /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
    private static String publicUrl(ConfigNode n) {
        String s = n.textOr(null);
        if (s == null) {
            return null;
        }
        URI u;
        try {
            u = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw n.problem("not a URL: '" + s + "'");
        }
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw n.problem("must be an absolute http:// or https:// address without query or fragment, e.g. https://status.example.com");
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
