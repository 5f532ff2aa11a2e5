package dev.bongsu.statuspage.render;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import java.util.List;

/** What of the configuration and the detector's findings the public may see. */
public final class Publics {
    private Publics() {
    }

    /** The display name of a service, or its id when it is not configured. */
    public static String name(BongsuConfig cfg, String serviceId, Lang lang) {
        return cfg.service(serviceId).map(s -> s.name().in(lang.tag())).orElse(serviceId);
    }

    /** A public attribute value, or {@code null} when the config does not mark it public. */
    public static String attribute(ServiceConfig s, String attribute) {
        Object v = s.publicAttributeValues().get(attribute);
        if (v == null) {
            return null;
        }
        return v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : v.toString();
    }

    /**
     * The evidence rows the public may see: a row about an attribute value is shown only when every configured
     * service with that value publishes the attribute; vantage rows (names only) are always shown.
     */
    public static List<Evidence> evidence(BongsuConfig cfg, Hypothesis h) {
        if (h == null) {
            return List.of();
        }
        return h.evidence().stream().filter(e -> isPublic(cfg, e.attribute(), e.value())).toList();
    }

    /** Whether an attribute value may be named in public. */
    public static boolean isPublic(BongsuConfig cfg, String attribute, String value) {
        if ("vantage".equals(attribute)) {
            return cfg.vantageNames().contains(value);
        }
        List<ServiceConfig> holders = cfg.services().stream()
                .filter(s -> s.attributeValues(attribute).contains(value)).toList();
        return !holders.isEmpty() && holders.stream().allMatch(s -> s.publicAttributes().contains(attribute));
    }
}
