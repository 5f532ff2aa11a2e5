package dev.bongsu.statuspage.embed;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.Health;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.Overall;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.Fragments;
import dev.bongsu.statuspage.render.Html;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import java.time.Instant;
import java.util.List;

/**
 * The embeddable widget: a tiny page without script, meant for an iframe on another site, showing the overall
 * state, one provider's services or one service, with links that open the full page in a new tab.
 */
public final class EmbedPage {
    /** Open incidents listed at most. */
    static final int MAX_INCIDENTS = 3;
    private static final String NEW_TAB = "\" target=\"_blank\" rel=\"noopener\">";

    private EmbedPage() {
    }

    /** The whole page's state: banner, open incidents, a link to the home page. */
    public static String overall(SiteData d, Lang lang) {
        Overall o = d.overall();
        StringBuilder b = start(lang, d.config().statusPage().title().in(lang.tag()), "/?lang=" + lang.tag(), o.wireName());
        b.append("<p id=\"state\" class=\"s o-").append(o.wireName()).append("\">").append(icon(o)).append(' ')
                .append(esc(Texts.overall(lang, o))).append("</p>\n");
        incidents(b, d.openTopLevel(), lang);
        return end(b, d, lang, "/?lang=" + lang.tag());
    }

    /** One service's state, since when, its open incidents and a link to its page. */
    public static String service(SiteData d, ServiceConfig s, Lang lang) {
        ServiceState st = d.state(s.id());
        String link = "/services/" + Html.seg(s.id()) + "?lang=" + lang.tag();
        StringBuilder b = start(lang, s.name().in(lang.tag()), link, st.health().wireName());
        b.append("<p id=\"state\" class=\"s s-").append(st.health().wireName()).append("\">").append(Texts.icon(st.health())).append(' ')
                .append(esc(Texts.health(lang, st.health())));
        if (!st.since().equals(Instant.EPOCH)) {
            b.append(" · ").append(Fragments.since(st.since(), lang));
        }
        b.append("</p>\n");
        incidents(b, d.incidentsOf(s.id()).stream().filter(PublicIncident::isOpen).toList(), lang);
        return end(b, d, lang, link);
    }

    /** The services of one public provider with their states, and a link to the home page. */
    public static String provider(SiteData d, String provider, List<ServiceConfig> services, Lang lang) {
        Overall o = Overall.of(services.stream().map(s -> d.state(s.id()).health()).toList());
        String title = d.config().statusPage().valueName("provider", provider).in(lang.tag());
        StringBuilder b = start(lang, title, "/?lang=" + lang.tag(), o.wireName());
        b.append("<p id=\"state\" class=\"s o-").append(o.wireName()).append("\">").append(icon(o)).append(' ')
                .append(esc(Texts.overall(lang, o))).append("</p>\n<ul class=\"services\">");
        for (ServiceConfig s : services) {
            Health h = d.state(s.id()).health();
            b.append("<li data-state=\"").append(h.wireName()).append("\"><span class=\"r s-").append(h.wireName())
                    .append("\" aria-hidden=\"true\">").append(Texts.icon(h)).append("</span> <a href=\"/services/")
                    .append(esc(Html.seg(s.id()))).append("?lang=").append(lang.tag()).append(NEW_TAB)
                    .append(esc(s.name().in(lang.tag()))).append("</a> ").append(esc(Texts.health(lang, h))).append("</li>");
        }
        b.append("</ul>\n");
        return end(b, d, lang, "/?lang=" + lang.tag());
    }

    private static StringBuilder start(Lang lang, String title, String link, String state) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(esc(title))
                .append("</title>\n<style>").append(EmbedStyle.CSS).append("</style>\n</head>\n<body>\n<main id=\"embed\" class=\"w\" data-state=\"")
                .append(state).append("\">\n<p class=\"t\"><a href=\"").append(esc(link)).append(NEW_TAB).append(esc(title)).append("</a></p>\n");
        return b;
    }

    private static void incidents(StringBuilder b, List<PublicIncident> open, Lang lang) {
        if (open.isEmpty()) {
            return;
        }
        b.append("<ul class=\"incidents\">");
        for (PublicIncident i : open.subList(0, Math.min(MAX_INCIDENTS, open.size()))) {
            b.append("<li><a href=\"/incidents/").append(esc(Html.seg(i.id()))).append("?lang=").append(lang.tag()).append(NEW_TAB)
                    .append(esc(i.title().in(lang.tag()))).append("</a></li>");
        }
        if (open.size() > MAX_INCIDENTS) {
            b.append("<li>").append(esc(Texts.t(lang, "embed.more", open.size() - MAX_INCIDENTS))).append("</li>");
        }
        b.append("</ul>\n");
    }

    private static String end(StringBuilder b, SiteData d, Lang lang, String link) {
        b.append("<p class=\"f\"><a id=\"full\" href=\"").append(esc(link)).append(NEW_TAB).append(esc(Texts.t(lang, "embed.full")))
                .append("</a> · ").append(esc(Texts.t(lang, "updated"))).append(' ').append(Fragments.time(d.now()))
                .append("</p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static String icon(Overall o) {
        return switch (o) {
            case OPERATIONAL -> "✔";
            case DEGRADED -> "▲";
            case PARTIAL_OUTAGE, MAJOR_OUTAGE -> "✖";
            case NO_DATA -> "?";
            default -> "ℹ";
        };
    }
}
