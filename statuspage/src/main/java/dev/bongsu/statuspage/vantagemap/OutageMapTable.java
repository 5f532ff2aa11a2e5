package dev.bongsu.statuspage.vantagemap;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.Fragments;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;

/** The outage map as HTML: a heading, the verdict sentence and a table, server-rendered, state in words and icons. */
public final class OutageMapTable {
    private OutageMapTable() {
    }

    /** The section of a service page: the live map, or nothing when no vantage is public or nothing was read. */
    public static String serviceSection(OutageMap map, Lang lang) {
        if (map.isEmpty()) {
            return "";
        }
        String caption = Texts.t(lang, "vmap.window.live", MeasuredWindows.LIVE.toMinutes()) + " · " + Texts.t(lang, "vmap.until")
                + " ";
        return section(map, lang, esc(caption) + Fragments.time(map.to()));
    }

    /**
     * The section of an incident page: the map over the incident's window; while it has not been read, or when no
     * public vantage has probes in the window, the list of public vantages that saw the incident.
     */
    public static String incidentSection(OutageMap map, PublicIncident i, Lang lang) {
        if (map.hasData()) {
            String caption = esc(Texts.t(lang, "vmap.window.incident")) + ' ' + Fragments.time(map.from()) + " – " + Fragments.time(map.to());
            if (map.capped()) {
                caption += ' ' + esc(Texts.t(lang, "vmap.window.capped", MeasuredWindows.INCIDENT_CAP.toHours()));
            }
            return section(map, lang, caption);
        }
        StringBuilder b = new StringBuilder("<section aria-labelledby=\"vant-h\">\n<h2 id=\"vant-h\">")
                .append(esc(Texts.t(lang, "vantages"))).append("</h2>\n<ul>");
        for (String v : i.vantages()) {
            b.append("<li>").append(esc(v)).append("</li>");
        }
        return b.append("</ul>\n</section>\n").toString();
    }

    /** The section with an already escaped caption. */
    static String section(OutageMap map, Lang lang, String captionHtml) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<section aria-labelledby=\"vmap-h\" id=\"vantage-map\">\n<h2 id=\"vmap-h\">").append(esc(Texts.t(lang, "vmap.title")))
                .append("</h2>\n<p class=\"verdict\" id=\"vantage-verdict\">").append(esc(map.sentence(lang))).append("</p>\n")
                .append("<table class=\"vantages\"><caption>").append(captionHtml).append("</caption>\n<thead><tr>");
        for (String col : new String[] {"vmap.col.vantage", "vmap.col.region", "vmap.col.network", "vmap.col.state", "vmap.col.probes"}) {
            b.append("<th scope=\"col\">").append(esc(Texts.t(lang, col))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (OutageMapRow r : map.rows()) {
            b.append("<tr class=\"v-").append(r.state().wireName()).append("\" data-vantage=\"").append(esc(r.vantage()))
                    .append("\"><th scope=\"row\">").append(esc(r.name().in(lang.tag()))).append("</th><td>").append(esc(place(r, lang)))
                    .append("</td><td>").append(esc(r.network() == null ? "—" : r.network())).append("</td><td>").append(state(r.state(), lang))
                    .append("</td><td>").append(r.total() == 0 ? "—" : r.failed() + " / " + r.total()).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n</section>\n").toString();
    }

    private static String place(OutageMapRow r, Lang lang) {
        String country = OutageMapSentence.country(r.country(), lang);
        if (r.region() == null) {
            return country == null ? "—" : country;
        }
        return country == null ? r.region() : r.region() + " (" + country + ")";
    }

    private static String state(VantageState s, Lang lang) {
        String css = switch (s) {
            case FAILS -> "s-down";
            case PARTLY -> "s-degraded";
            case WORKS -> "s-up";
            case NO_DATA -> "s-unknown";
        };
        String icon = switch (s) {
            case FAILS -> "✖";
            case PARTLY -> "▲";
            case WORKS -> "✔";
            case NO_DATA -> "?";
        };
        return "<span class=\"state " + css + "\"><span aria-hidden=\"true\">" + icon + "</span> "
                + esc(Texts.t(lang, "vmap.state." + s.wireName())) + "</span>";
    }
}
