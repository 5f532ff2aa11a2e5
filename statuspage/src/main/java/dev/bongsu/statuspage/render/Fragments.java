package dev.bongsu.statuspage.render;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Health;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import java.time.Instant;
import java.util.List;

/** Pieces of HTML used by several pages. */
public final class Fragments {
    private Fragments() {
    }

    /** A service state as icon plus words, with a class for colour. */
    public static String health(Health h, Lang lang) {
        return "<span class=\"state s-" + h.wireName() + "\"><span aria-hidden=\"true\">" + Texts.icon(h) + "</span> "
                + esc(Texts.health(lang, h)) + "</span>";
    }

    /** "since <time>" in the word order of the language. */
    public static String since(Instant t, Lang lang) {
        return esc(Texts.t(lang, "since.pre")) + time(t) + esc(Texts.t(lang, "since.post"));
    }

    /** A {@code <time>} element in KST. */
    public static String time(Instant t) {
        return "<time datetime=\"" + Times.attr(t) + "\">" + esc(Times.display(t)) + "</time>";
    }

    /**
     * Appends the rest of an incident's meta line after its opened badge: state, kind, start, end and duration, then
     * closes the paragraph.
     */
    static void incidentMeta(StringBuilder b, PublicIncident i, Lang lang, Instant now) {
        b.append(esc(Texts.state(lang, i.state()))).append("</span> ")
                .append(i.isDeclared() ? "<strong class=\"declared-mark\">" + esc(Texts.t(lang, "declared")) + "</strong>"
                        : esc(Texts.t(lang, "kind." + i.kind().wireName()))).append(" · ")
                .append(esc(Texts.t(lang, "started"))).append(' ').append(time(i.startedAt()));
        if (i.resolvedAt() != null) {
            b.append(" · ").append(esc(Texts.t(lang, "resolved.at"))).append(' ').append(time(i.resolvedAt()));
        }
        Instant end = i.resolvedAt() != null ? i.resolvedAt() : now;
        b.append(" · ").append(esc(Texts.t(lang, "duration"))).append(' ')
                .append(esc(Times.duration(java.time.Duration.between(i.startedAt(), end), lang))).append("</p>\n");
    }

    /** One incident as a short card: title, state, services, start, the hypothesis sentence, a link. */
    public static String incidentCard(PublicView view, PublicIncident i, Lang lang, Instant now) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<article class=\"incident ").append(i.isOpen() ? "open" : "resolved").append("\">\n<h3><a href=\"/incidents/")
                .append(esc(Html.seg(i.id()))).append("?lang=").append(lang.tag()).append("\">")
                .append(esc(i.title().in(lang.tag()))).append("</a></h3>\n<p class=\"meta\"><span class=\"badge\">");
        incidentMeta(b, i, lang, now);
        if (!i.services().isEmpty()) {
            b.append("<p>").append(esc(Texts.t(lang, "what.failed"))).append(": ")
                    .append(esc(view.names(i.services(), lang))).append("</p>\n");
        }
        String h = hypothesisText(i, lang);
        if (h != null) {
            b.append("<p class=\"hypothesis\"><strong>").append(esc(Texts.t(lang, "hypothesis"))).append(":</strong> ")
                    .append(esc(h)).append("</p>\n");
        }
        return b.append("</article>\n").toString();
    }

    /** The public likely-cause sentence, or {@code null} when the cause may not be named. */
    public static String hypothesisText(PublicIncident i, Lang lang) {
        if (i.hypothesis() == null || i.hypothesis().text() == null) {
            return null;
        }
        return i.hypothesis().text().in(lang.tag());
    }

    /** The public evidence rows as a list. */
    public static String evidence(PublicIncident i, Lang lang) {
        List<Evidence> rows = i.hypothesis() == null ? List.of() : i.hypothesis().evidence();
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<ul class=\"evidence\">");
        for (Evidence e : rows) {
            b.append("<li>").append(esc(Texts.t(lang, "evidence.row", attrName(e.attribute(), lang), e.value(), e.down(), e.total())))
                    .append("</li>");
        }
        return b.append("</ul>\n").toString();
    }

    private static String attrName(String attribute, Lang lang) {
        return switch (attribute) {
            case "provider", "category", "datacenter", "region", "dependsOn", "vantage" -> Texts.t(lang, attribute);
            default -> attribute;
        };
    }
}
