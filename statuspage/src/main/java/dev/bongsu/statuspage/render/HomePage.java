package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.Overall;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The home page: banner, open incidents, services by provider with 90-day uptime bars. */
public final class HomePage {
    private HomePage() {
    }

    /** Renders the home page. */
    public static String render(SiteData d, Lang lang) {
        StringBuilder b = new StringBuilder(16384);
        Overall o = d.overall();
        b.append("<h1>").append(esc(d.config().statusPage().title().in(lang.tag()))).append("</h1>\n");
        if (d.config().statusPage().description() != null) {
            b.append("<p class=\"lead\">").append(esc(d.config().statusPage().description().in(lang.tag()))).append("</p>\n");
        }
        b.append("<section id=\"banner\" class=\"banner o-").append(o.wireName()).append("\" role=\"status\">")
                .append("<p>").append(esc(Texts.overall(lang, o))).append("</p></section>\n");

        List<PublicIncident> open = d.openTopLevel();
        b.append("<section aria-labelledby=\"open-h\">\n<h2 id=\"open-h\">").append(esc(Texts.t(lang, "open.incidents"))).append("</h2>\n");
        if (open.isEmpty()) {
            b.append("<p>").append(esc(Texts.t(lang, "no.open.incidents"))).append("</p>\n");
        }
        for (PublicIncident i : open) {
            b.append(MaintenanceFragments.duringNote(d, i, lang));
            b.append(Fragments.incidentCard(d.view(), i, lang, d.now()));
        }
        b.append("</section>\n");
        b.append(MaintenanceFragments.homeSection(d, lang));

        Map<String, List<ServiceConfig>> byProvider = new LinkedHashMap<>();
        for (ServiceConfig s : d.config().services()) {
            String p = PublicView.attribute(s, "provider");
            byProvider.computeIfAbsent(p == null ? "" : p, k -> new java.util.ArrayList<>()).add(s);
        }
        b.append("<section aria-labelledby=\"svc-h\">\n<h2 id=\"svc-h\">").append(esc(Texts.t(lang, "services"))).append("</h2>\n")
                .append("<p class=\"note\">").append(esc(Texts.t(lang, "uptime.90"))).append(". ")
                .append(esc(Texts.t(lang, "uptime.legend"))).append("</p>\n");
        for (Map.Entry<String, List<ServiceConfig>> group : byProvider.entrySet()) {
            b.append("<section class=\"provider\">\n");
            if (!group.getKey().isEmpty()) {
                b.append("<h3>").append(esc(group.getKey())).append("</h3>\n");
            }
            b.append("<ul class=\"services\">\n");
            for (ServiceConfig s : group.getValue()) {
                serviceRow(b, d, s, lang);
            }
            b.append("</ul>\n</section>\n");
        }
        b.append("</section>\n");
        return Layout.page(lang, d.config().statusPage(), null, "/", d.now(), b.toString());
    }

    private static void serviceRow(StringBuilder b, SiteData d, ServiceConfig s, Lang lang) {
        ServiceState st = d.state(s.id());
        List<ServiceBucket> daily = d.history().daily().getOrDefault(s.id(), List.of());
        double pct = Charts.percent(daily);
        String name = s.name().in(lang.tag());
        b.append("<li class=\"service\" id=\"svc-").append(esc(s.id())).append("\" data-state=\"").append(MaintenanceFragments.stateName(d, s.id()))
                .append("\">\n<div class=\"row\"><a class=\"name\" href=\"/services/").append(esc(Html.seg(s.id())))
                .append("?lang=").append(lang.tag()).append("\">").append(esc(name)).append("</a> ")
                .append(MaintenanceFragments.state(d, s.id(), lang));
        String category = PublicView.attribute(s, "category");
        if (category != null) {
            b.append(" <span class=\"cat\">").append(esc(category)).append("</span>");
        }
        if (!st.since().equals(java.time.Instant.EPOCH)) {
            b.append(" <span class=\"since\">").append(Fragments.since(st.since(), lang)).append("</span>");
        }
        b.append("</div>\n<div class=\"uptime\">")
                .append(Charts.uptimeBars(daily, d.history().daysFrom(), lang, name + " — " + Texts.t(lang, "uptime.90")))
                .append("<p class=\"pct\"><span>").append(esc(Texts.t(lang, "days.ago.90"))).append("</span><strong>")
                .append(esc(Texts.t(lang, "uptime.pct", Charts.pct(pct, lang)))).append("</strong><span>")
                .append(esc(Texts.t(lang, "today"))).append("</span></p></div>\n</li>\n");
    }
}
