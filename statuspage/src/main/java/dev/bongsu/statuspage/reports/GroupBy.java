package dev.bongsu.statuspage.reports;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.publicview.PublicView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a report's rows are: one per service, or one per value of a public attribute. A value the configuration does
 * not make public ({@link PublicView#isPublic}) is never named: its services (and those without the attribute) share
 * one row whose key is {@code null}.
 */
public enum GroupBy {
    SERVICE, PROVIDER, CATEGORY, DATACENTER, REGION;

    /** Lower-case wire name, as in {@code ?by=}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The grouping named by {@code ?by=}: {@code service}, or an attribute at least one service publishes.
     *
     * @throws BadParameter naming {@code by} for anything else
     */
    public static GroupBy parse(String value, PublicView view) {
        GroupBy by = null;
        for (GroupBy g : values()) {
            if (g.wireName().equals(value)) {
                by = g;
            }
        }
        if (by == null) {
            throw new BadParameter("parameter 'by': expected one of " + allowed(view) + ", found '" + shorten(value) + "'");
        }
        if (by != SERVICE && !by.isPublicIn(view)) {
            throw new BadParameter("parameter 'by': " + by.wireName() + " is not public on this status page; expected one of "
                    + allowed(view));
        }
        return by;
    }

    /** The row key of a service: its id, its public attribute value, or {@code null} when that is not public. */
    public String keyOf(ServiceConfig s, PublicView view) {
        if (this == SERVICE) {
            return s.id();
        }
        List<String> values = s.attributeValues(wireName());
        String v = values.isEmpty() ? null : values.get(0);
        return view.isPublic(wireName(), v) ? v : null;
    }

    /** The display name of a row key ({@code null} for the row of what may not be named). */
    public LocalizedText nameOf(String key, PublicView view) {
        if (key == null) {
            return null;
        }
        if (this == SERVICE) {
            return view.config().service(key).map(ServiceConfig::name).orElse(new LocalizedText(key, key));
        }
        return view.config().statusPage().valueName(wireName(), key);
    }

    /** The configured services by row key, in configuration order; the {@code null} row, if any, last. */
    public Map<String, List<ServiceConfig>> groups(PublicView view) {
        Map<String, List<ServiceConfig>> out = new LinkedHashMap<>();
        List<ServiceConfig> unnamed = new ArrayList<>();
        for (ServiceConfig s : view.config().services()) {
            String key = keyOf(s, view);
            if (key == null) {
                unnamed.add(s);
            } else {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        if (!unnamed.isEmpty()) {
            out.put(null, unnamed);
        }
        return out;
    }

    private boolean isPublicIn(PublicView view) {
        return view.config().services().stream()
                .anyMatch(s -> s.attributeValues(wireName()).stream().anyMatch(v -> view.isPublic(wireName(), v)));
    }

    private static String allowed(PublicView view) {
        List<String> names = new ArrayList<>();
        for (GroupBy g : values()) {
            if (g == SERVICE || g.isPublicIn(view)) {
                names.add(g.wireName());
            }
        }
        return String.join(", ", names);
    }

    private static String shorten(String v) {
        String s = v.replaceAll("[\\p{Cntrl}<>\"'&]", "?");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
