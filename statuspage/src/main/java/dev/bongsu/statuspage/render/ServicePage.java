package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.vantagemap.OutageMapTable;
import dev.bongsu.statuspage.vantagemap.OutageMaps;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The page of one service: state, public attributes, where it fails from, last 24 hours as charts, its incidents. */
public final class ServicePage {
    /** The window of the charts. */
    public static final Duration WINDOW = Duration.ofHours(24);
    /** The bucket of the charts. */
    public static final Duration STEP = Duration.ofMinutes(5);

    private ServicePage() {
    }

    /** Renders the page of a configured service. */
    public static String render(SiteData d, ServiceConfig s, Lang lang) {
        ServiceState st = d.state(s.id());
        String name = s.name().in(lang.tag());
        StringBuilder b = new StringBuilder(16384);
        b.append("<h1>").append(esc(name)).append("</h1>\n<p class=\"big\" id=\"service-state\">")
                .append(MaintenanceFragments.state(d, s.id(), lang));
        if (!st.since().equals(java.time.Instant.EPOCH)) {
            b.append(' ').append(Fragments.since(st.since(), lang));
        }
        b.append("</p>\n");
        d.maintenanceOf(s.id()).ifPresent(m -> b.append(MaintenanceFragments.card(d.view(), m, lang)));
        if (st.reason() != null) {
            b.append("<p>").append(esc(st.reason().in(lang.tag()))).append("</p>\n");
        }
        Map<String, Object> attrs = s.publicAttributeValues();
        if (!attrs.isEmpty()) {
            b.append("<dl class=\"attrs\">");
            for (String a : attrs.keySet()) {
                b.append("<dt>").append(esc(Texts.t(lang, a))).append("</dt><dd>").append(esc(PublicView.attribute(s, a))).append("</dd>");
            }
            b.append("</dl>\n");
        }
        b.append(OutageMapTable.serviceSection(OutageMaps.service(d, s.id()), lang));
        List<ServiceBucket> recent = d.history().recent().getOrDefault(s.id(), List.of());
        b.append("<section aria-labelledby=\"h24\">\n<h2 id=\"h24\">").append(esc(Texts.t(lang, "last.24h")))
                .append(" — ").append(esc(Texts.t(lang, "uptime.pct", Charts.pct(Charts.percent(recent), lang)))).append("</h2>\n")
                .append("<figure><figcaption>").append(esc(Texts.t(lang, "latency"))).append("</figcaption>")
                .append(Charts.latency(recent, d.history().dayFrom(), WINDOW, lang)).append("</figure>\n")
                .append("<figure><figcaption>").append(esc(Texts.t(lang, "availability"))).append("</figcaption>")
                .append(Charts.availability(recent, d.history().dayFrom(), WINDOW, STEP, lang)).append("</figure>\n")
                .append("</section>\n");
        List<ServiceBucket> daily = d.history().daily().getOrDefault(s.id(), List.of());
        b.append("<section aria-labelledby=\"h90\">\n<h2 id=\"h90\">").append(esc(Texts.t(lang, "uptime.90"))).append(" — ")
                .append(esc(Charts.pct(Charts.percent(daily), lang))).append("</h2>\n<div class=\"uptime\">")
                .append(Charts.uptimeBars(daily, d.history().daysFrom(), lang, name + " — " + Texts.t(lang, "uptime.90")))
                .append("</div>\n</section>\n");
        b.append("<section aria-labelledby=\"inc-h\">\n<h2 id=\"inc-h\">").append(esc(Texts.t(lang, "incidents.of"))).append("</h2>\n");
        List<PublicIncident> incidents = d.incidentsOf(s.id());
        if (incidents.isEmpty()) {
            b.append("<p>").append(esc(Texts.t(lang, "no.incidents"))).append("</p>\n");
        }
        for (PublicIncident i : incidents) {
            b.append(Fragments.incidentCard(d.view(), i, lang, d.now()));
        }
        b.append("</section>\n");
        return Layout.page(lang, d.config().statusPage(), name, "/services/" + Html.seg(s.id()), d.now(), b.toString());
    }
}
