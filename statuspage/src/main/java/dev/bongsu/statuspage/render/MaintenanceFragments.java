package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.Health;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.maintenance.MaintenanceView;
import dev.bongsu.statuspage.maintenance.PublicMaintenance;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import java.util.List;

/** The pieces of HTML that show scheduled maintenance: the home section, a card, a service's state during one. */
public final class MaintenanceFragments {
    /** The colour of the "maintenance" state in badges (it is not a {@link Health}). */
    public static final String BADGE_COLOR = "#0969da";

    private MaintenanceFragments() {
    }

    /** The wire name of a service's shown state: {@code maintenance} while one covers it, else its health. */
    public static String stateName(SiteData d, String serviceId) {
        return d.maintenanceOf(serviceId).isPresent() ? "maintenance" : d.state(serviceId).health().wireName();
    }

    /** A service's state as icon plus words: "점검 중" while a maintenance covers it, else its probed health. */
    public static String state(SiteData d, String serviceId, Lang lang) {
        if (d.maintenanceOf(serviceId).isEmpty()) {
            return Fragments.health(d.state(serviceId).health(), lang);
        }
        return "<span class=\"state s-maintenance\"><span aria-hidden=\"true\">🛠</span> " + esc(Texts.t(lang, "health.maintenance")) + "</span>";
    }

    /** The words of a service's shown state (badges). */
    public static String stateWords(SiteData d, String serviceId, Lang lang) {
        return d.maintenanceOf(serviceId).isPresent() ? Texts.t(lang, "health.maintenance") : Texts.health(lang, d.state(serviceId).health());
    }

    /** The home page section: maintenance in progress and that starting within 14 days; empty when there is none. */
    public static String homeSection(SiteData d, Lang lang) {
        List<PublicMaintenance> active = MaintenanceView.active(d.maintenance());
        List<PublicMaintenance> upcoming = MaintenanceView.upcoming(d.maintenance(), d.now(), MaintenanceView.UPCOMING);
        if (active.isEmpty() && upcoming.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(2048);
        b.append("<section id=\"maintenance\" aria-labelledby=\"maint-h\">\n<h2 id=\"maint-h\">")
                .append(esc(Texts.t(lang, active.isEmpty() ? "maint.upcoming" : "maint.active"))).append("</h2>\n");
        for (PublicMaintenance m : active) {
            b.append(card(d.view(), m, lang));
        }
        if (!active.isEmpty() && !upcoming.isEmpty()) {
            b.append("<h3>").append(esc(Texts.t(lang, "maint.upcoming"))).append("</h3>\n");
        }
        for (PublicMaintenance m : upcoming) {
            b.append(card(d.view(), m, lang));
        }
        return b.append("</section>\n").toString();
    }

    /** One maintenance as a card: title linking to its page, phase, window in KST, affected services. */
    public static String card(PublicView view, PublicMaintenance m, Lang lang) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<article class=\"maintenance m-").append(m.phase().wireName()).append("\" id=\"maint-").append(esc(m.id()))
                .append("\">\n<h3><a href=\"").append(esc("/maintenance/" + Html.seg(m.id())))
                .append("?lang=").append(lang.tag()).append("\">").append(esc(m.title().in(lang.tag()))).append("</a></h3>\n");
        meta(b, view, m, lang);
        return b.append("</article>\n").toString();
    }

    /** The phase, window and services lines of a maintenance. */
    static void meta(StringBuilder b, PublicView view, PublicMaintenance m, Lang lang) {
        b.append("<p class=\"meta\"><span class=\"badge\">").append(esc(Texts.t(lang, "maint.phase." + m.phase().wireName())))
                .append("</span> ").append(esc(Texts.t(lang, "maint.window"))).append(' ').append(Fragments.time(m.start()))
                .append(" ~ ").append(Fragments.time(m.end()));
        if (m.recurring()) {
            b.append(" · ").append(esc(Texts.t(lang, "maint.recurring")));
        }
        if (m.cancelledAt() != null) {
            b.append(" · ").append(esc(Texts.t(lang, "maint.cancelled.at"))).append(' ').append(Fragments.time(m.cancelledAt()));
        }
        b.append("</p>\n<p class=\"maint-services\">").append(esc(Texts.t(lang, "maint.services"))).append(": ")
                .append(esc(services(view, m, lang))).append("</p>\n");
    }

    /** The affected services' names, or "all services" when it covers every configured one. */
    public static String services(PublicView view, PublicMaintenance m, Lang lang) {
        if (m.services().size() == view.config().services().size()) {
            return Texts.t(lang, "maint.all");
        }
        return view.names(m.services(), lang);
    }

    /** Before an open incident whose services are all in a maintenance in progress: a note naming it; else empty. */
    public static String duringNote(SiteData d, PublicIncident i, Lang lang) {
        if (!d.duringMaintenance(i)) {
            return "";
        }
        PublicMaintenance m = d.maintenanceOf(i.services().get(0)).orElseThrow();
        return "<p class=\"maint-during\" data-incident=\"" + esc(i.id()) + "\"><span aria-hidden=\"true\">🛠</span> "
                + esc(Texts.t(lang, "maint.during")) + ": <a href=\"" + esc("/maintenance/" + Html.seg(m.id())) + "?lang=" + lang.tag() + "\">"
                + esc(m.title().in(lang.tag())) + "</a></p>\n";
    }
}
