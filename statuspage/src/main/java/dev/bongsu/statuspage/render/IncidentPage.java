package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.statuspage.publicview.PublicEntry;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import java.time.Instant;
import java.util.List;

/** The page of one incident: what failed, from where, the timeline, the likely cause and human updates. */
public final class IncidentPage {
    private IncidentPage() {
    }

    /** Renders an incident page. */
    public static String render(PublicView view, PublicIncident i, Lang lang, Instant now) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<h1>").append(esc(i.title().in(lang.tag()))).append("</h1>\n<p class=\"meta\"><span class=\"badge\" id=\"incident-state\">");
        Fragments.incidentMeta(b, i, lang, now);
        if (i.parentId() != null) {
            b.append("<p>").append(esc(Texts.t(lang, "part.of"))).append(" <a href=\"/incidents/").append(esc(Html.seg(i.parentId())))
                    .append("?lang=").append(lang.tag()).append("\">").append(esc(i.parentId())).append("</a></p>\n");
        }
        b.append("<section aria-labelledby=\"failed-h\">\n<h2 id=\"failed-h\">").append(esc(Texts.t(lang, "what.failed"))).append("</h2>\n<ul>");
        for (String s : i.services()) {
            boolean known = view.config().service(s).isPresent();
            b.append("<li>");
            if (known) {
                b.append("<a href=\"/services/").append(esc(Html.seg(s))).append("?lang=").append(lang.tag()).append("\">")
                        .append(esc(view.name(s, lang))).append("</a>");
            } else {
                b.append(esc(s));
            }
            b.append("</li>");
        }
        b.append("</ul>\n</section>\n");
        b.append("<section aria-labelledby=\"vant-h\">\n<h2 id=\"vant-h\">").append(esc(Texts.t(lang, "vantages"))).append("</h2>\n<ul>");
        for (String v : i.vantages()) {
            b.append("<li>").append(esc(v)).append("</li>");
        }
        b.append("</ul>\n</section>\n");
        String h = Fragments.hypothesisText(i, lang);
        String evidence = Fragments.evidence(i, lang);
        if (h != null || !evidence.isEmpty()) {
            b.append("<section aria-labelledby=\"hyp-h\">\n<h2 id=\"hyp-h\">").append(esc(Texts.t(lang, "hypothesis"))).append("</h2>\n");
            if (h != null) {
                b.append("<p class=\"hypothesis\">").append(esc(h)).append("</p>\n");
            }
            if (!evidence.isEmpty()) {
                b.append("<h3>").append(esc(Texts.t(lang, "evidence"))).append("</h3>\n").append(evidence);
            }
            b.append("</section>\n");
        }
        updates(b, i.updates(), lang);
        b.append("<section aria-labelledby=\"tl-h\">\n<h2 id=\"tl-h\">").append(esc(Texts.t(lang, "timeline"))).append("</h2>\n<ol id=\"timeline\" class=\"timeline\">");
        for (PublicEntry t : i.timeline()) {
            b.append("<li><p>").append(Fragments.time(t.at())).append(" · <strong>").append(esc(Texts.transition(lang, t.type())))
                    .append("</strong></p><p>").append(esc(t.text().in(lang.tag()))).append("</p></li>");
        }
        b.append("</ol>\n</section>\n");
        return Layout.page(lang, view.config().statusPage(), i.title().in(lang.tag()), "/incidents/" + Html.seg(i.id()), now, b.toString());
    }

    private static void updates(StringBuilder b, List<IncidentUpdate> updates, Lang lang) {
        b.append("<section aria-labelledby=\"upd-h\">\n<h2 id=\"upd-h\">").append(esc(Texts.t(lang, "updates"))).append("</h2>\n");
        if (updates.isEmpty()) {
            b.append("<p>").append(esc(Texts.t(lang, "no.updates"))).append("</p>\n");
        } else {
            b.append("<ol class=\"updates\" reversed>");
            for (int k = updates.size() - 1; k >= 0; k--) {
                IncidentUpdate u = updates.get(k);
                b.append("<li id=\"update-").append(esc(u.id())).append("\"><p><strong>").append(esc(Texts.update(lang, u.status())))
                        .append("</strong> · ").append(Fragments.time(u.at()));
                if (u.editedAt() != null) {
                    b.append(" · <span class=\"edited\">").append(esc(Texts.t(lang, "edited"))).append(' ')
                            .append(Fragments.time(u.editedAt())).append("</span>");
                }
                b.append("</p><p>").append(esc(u.text().in(lang.tag()))).append("</p></li>");
            }
            b.append("</ol>\n");
        }
        b.append("</section>\n");
    }
}
