package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Past incidents between two KST days, with a form to pick the range (works without JavaScript). */
public final class HistoryPage {
    private HistoryPage() {
    }

    /** Renders the history page for [from, to] (KST days, both included). */
    public static String render(PublicView view, List<PublicIncident> incidents, LocalDate from, LocalDate to, Lang lang, Instant now) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<h1>").append(esc(Texts.t(lang, "history"))).append("</h1>\n")
                .append("<form class=\"range\" method=\"get\" action=\"/history\">")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(lang.tag()).append("\">")
                .append("<label>").append(esc(Texts.t(lang, "from"))).append(" <input type=\"date\" name=\"from\" value=\"")
                .append(from).append("\" required></label> ")
                .append("<label>").append(esc(Texts.t(lang, "to"))).append(" <input type=\"date\" name=\"to\" value=\"")
                .append(to).append("\" required></label> ")
                .append("<button type=\"submit\">").append(esc(Texts.t(lang, "filter"))).append("</button></form>\n")
                .append("<h2>").append(esc(Texts.t(lang, "history.range", from, to))).append("</h2>\n");
        if (incidents.isEmpty()) {
            b.append("<p>").append(esc(Texts.t(lang, "no.incidents"))).append("</p>\n");
        }
        for (PublicIncident i : incidents) {
            b.append(Fragments.incidentCard(view, i, lang, now));
        }
        String path = "/history?from=" + from + "&to=" + to;
        return Layout.page(lang, view.config().statusPage(), Texts.t(lang, "history"), path, now, b.toString());
    }
}
