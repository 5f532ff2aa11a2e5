package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.statuspage.declared.Postmortem;
import dev.bongsu.statuspage.publicview.IncidentTimeline;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import dev.bongsu.statuspage.vantagemap.OutageMap;
import dev.bongsu.statuspage.vantagemap.OutageMapTable;
import java.time.Instant;
import java.util.List;

/** The page of one incident: what failed, from where, the timeline, the likely cause and human updates. */
public final class IncidentPage {
    private IncidentPage() {
    }

    /** Renders an incident page without an outage map (the public vantages that saw it are listed instead). */
    public static String render(PublicView view, PublicIncident i, Lang lang, Instant now) {
        return render(view, i, OutageMap.EMPTY, lang, now);
    }

    /** Renders an incident page with where it failed from ({@code map}, over the incident's window). */
    public static String render(PublicView view, PublicIncident i, OutageMap map, Lang lang, Instant now) {
        return render(view, i, List.of(), map, lang, now);
    }

    /**
     * Renders an incident page with its member service incidents ({@code members}, for each service's recovery on
     * the timeline, see {@link IncidentTimeline}) and where it failed from ({@code map}).
     */
    public static String render(PublicView view, PublicIncident i, List<PublicIncident> members, OutageMap map, Lang lang, Instant now) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<h1>").append(esc(i.title().in(lang.tag()))).append("</h1>\n");
        if (i.isDeclared()) {
            b.append("<p class=\"declared\" id=\"declared\"><strong>").append(esc(Texts.t(lang, "declared"))).append("</strong>");
            if (i.impact() != null) {
                b.append(" · ").append(esc(Texts.t(lang, "impact"))).append(": ").append(esc(Texts.t(lang, "impact." + i.impact().wireName())));
            }
            b.append("</p>\n");
        }
        b.append("<p class=\"meta\"><span class=\"badge\" id=\"incident-state\">");
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
        b.append(OutageMapTable.incidentSection(map, i, lang));
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
        timeline(b, IncidentTimeline.of(view, i, members), lang);
        postmortem(b, i.postmortem(), lang);
        String permalink = view.config().statusPage().permalink("/incidents/" + Html.seg(i.id()));
        b.append("<p class=\"note\">").append(esc(Texts.t(lang, "permalink"))).append(": <a id=\"permalink\" href=\"").append(esc(permalink))
                .append("\">").append(esc(permalink)).append("</a></p>\n");
        return Layout.page(lang, view.config().statusPage(), i.title().in(lang.tag()), "/incidents/" + Html.seg(i.id()), now, b.toString());
    }

    /** The one merged timeline: start, detection (or declaration), team updates, recoveries, resolution. */
    private static void timeline(StringBuilder b, IncidentTimeline t, Lang lang) {
        b.append("<section aria-labelledby=\"tl-h\">\n<h2 id=\"tl-h\">").append(esc(Texts.t(lang, "timeline"))).append("</h2>\n<ol id=\"timeline\" class=\"timeline\">");
        for (IncidentTimeline.Step st : t.steps()) {
            String label = st.update() != null ? Texts.update(lang, st.update().status()) : Texts.t(lang, "tl.step." + st.type());
            b.append("<li class=\"step-").append(st.type()).append("\"><p>").append(Fragments.time(st.at())).append(" · <strong>")
                    .append(esc(label)).append("</strong></p><p>").append(esc(st.text().in(lang.tag()))).append("</p></li>");
        }
        b.append("</ol>\n</section>\n");
    }

    /** The postmortem as paragraphs of escaped text (split at blank lines), or nothing when none is written. */
    private static void postmortem(StringBuilder b, Postmortem p, Lang lang) {
        if (p == null) {
            return;
        }
        b.append("<section id=\"postmortem\" aria-labelledby=\"pm-h\">\n<h2 id=\"pm-h\">").append(esc(Texts.t(lang, "postmortem")))
                .append("</h2>\n<p class=\"meta\">").append(Fragments.time(p.at()));
        if (p.editedAt() != null) {
            b.append(" · <span class=\"edited\">").append(esc(Texts.t(lang, "edited"))).append(' ').append(Fragments.time(p.editedAt())).append("</span>");
        }
        b.append("</p>\n");
        for (String para : p.text().in(lang.tag()).split("\\R\\s*\\R")) {
            if (!para.isBlank()) {
                b.append("<p>").append(esc(para.strip())).append("</p>\n");
            }
        }
        b.append("</section>\n");
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
