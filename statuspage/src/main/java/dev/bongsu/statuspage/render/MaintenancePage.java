package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.maintenance.PublicMaintenance;

/** The permalink page of one scheduled maintenance, {@code /maintenance/<id>}. */
public final class MaintenancePage {
    private MaintenancePage() {
    }

    /** Renders the page of a public maintenance. */
    public static String render(SiteData d, PublicMaintenance m, Lang lang) {
        StringBuilder b = new StringBuilder(4096);
        String title = m.title().in(lang.tag());
        b.append("<article class=\"maintenance-page m-").append(m.phase().wireName()).append("\">\n<h1>").append(esc(title)).append("</h1>\n");
        MaintenanceFragments.meta(b, d.view(), m, lang);
        if (m.description() != null) {
            b.append("<div class=\"maint-description\">");
            for (String para : m.description().in(lang.tag()).split("\\n")) {
                if (!para.isBlank()) {
                    b.append("<p>").append(esc(para)).append("</p>");
                }
            }
            b.append("</div>\n");
        }
        b.append("<p class=\"note\">").append(esc(Texts.t(lang, "maint.note"))).append("</p>\n")
                .append("<p><a href=\"/?lang=").append(lang.tag()).append("\">").append(esc(Texts.t(lang, "back"))).append("</a></p>\n")
                .append("</article>\n");
        return Layout.page(lang, d.config().statusPage(), title, "/maintenance/" + Html.seg(m.id()), d.now(), b.toString());
    }
}
