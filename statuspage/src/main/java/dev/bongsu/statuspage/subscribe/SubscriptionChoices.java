package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.publicview.PublicView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a subscriber may choose from: every public provider and category value (as {@link PublicView#isPublic} allows)
 * and every service, each with its display name, in configuration order. A value that is not public is not offered
 * and is refused exactly like one that does not exist, so an answer never tells a private value apart.
 */
public final class SubscriptionChoices {
    private final Map<String, LocalizedText> providers;
    private final Map<String, LocalizedText> categories;
    private final Map<String, LocalizedText> services;

    /** The choices of this configuration. */
    public SubscriptionChoices(BongsuConfig cfg) {
        PublicView view = new PublicView(cfg);
        providers = values(cfg, view, "provider");
        categories = values(cfg, view, "category");
        Map<String, LocalizedText> s = new LinkedHashMap<>();
        for (ServiceConfig svc : cfg.services()) {
            s.put(svc.id(), svc.name());
        }
        services = java.util.Collections.unmodifiableMap(s);
    }

    private static Map<String, LocalizedText> values(BongsuConfig cfg, PublicView view, String attribute) {
        Map<String, LocalizedText> out = new LinkedHashMap<>();
        for (ServiceConfig svc : cfg.services()) {
            for (String v : svc.attributeValues(attribute)) {
                if (!out.containsKey(v) && view.isPublic(attribute, v)) {
                    out.put(v, cfg.statusPage().valueName(attribute, v));
                }
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Public provider values with their display names. */
    public Map<String, LocalizedText> providers() {
        return providers;
    }

    /** Public category values with their display names. */
    public Map<String, LocalizedText> categories() {
        return categories;
    }

    /** Service ids with their display names. */
    public Map<String, LocalizedText> services() {
        return services;
    }
}
