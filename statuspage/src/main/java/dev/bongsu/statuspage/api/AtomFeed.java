package dev.bongsu.statuspage.api;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.Fragments;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An Atom feed (RFC 4287) of public incidents and their human updates, newest first. */
public final class AtomFeed {
    /** Entries in the feed at most. */
    public static final int MAX_ENTRIES = 50;

    private AtomFeed() {
    }

    /** Renders the feed; texts are English with the Korean after them. */
    public static String render(SiteData d) {
        String base = d.config().pageUrl();
        List<PublicIncident> entries = SiteData.topLevel(d.incidents(), d.incidents()).stream()
                .sorted(Comparator.comparing(PublicIncident::lastChange).reversed()).limit(MAX_ENTRIES).toList();
        Instant updated = entries.isEmpty() ? d.now() : entries.get(0).lastChange();
        updated = MaintenanceFeed.latest(d, updated, !entries.isEmpty());
        StringBuilder b = new StringBuilder(8192);
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>").append(esc(d.config().statusPage().title().en())).append(" / ")
                .append(esc(d.config().statusPage().title().ko())).append("</title>\n")
                .append("<id>").append(esc(base + "/feed.atom")).append("</id>\n")
                .append("<link rel=\"self\" href=\"").append(esc(base + "/feed.atom")).append("\"/>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(base + "/")).append("\"/>\n")
                .append("<updated>").append(Times.iso(updated)).append("</updated>\n")
                .append("<author><name>").append(esc(d.config().statusPage().title().en())).append("</name></author>\n");
        for (PublicIncident i : entries) {
            entry(b, d, i, base);
        }
        MaintenanceFeed.entries(b, d, base);
        return b.append("</feed>\n").toString();
    }

    private static void entry(StringBuilder b, SiteData d, PublicIncident i, String base) {
        StringBuilder text = new StringBuilder();
        for (Lang lang : new Lang[] {Lang.EN, Lang.KO}) {
            if (i.isDeclared()) {
                text.append(Texts.t(lang, "declared")).append(". ");
            }
            text.append(Texts.state(lang, i.state())).append(". ");
            text.append(Texts.t(lang, "what.failed")).append(": ").append(d.view().names(i.services(), lang)).append(". ");
            String h = Fragments.hypothesisText(i, lang);
            if (h != null) {
                text.append(Texts.t(lang, "hypothesis")).append(": ").append(h).append(' ');
            }
            for (IncidentUpdate u : i.updates()) {
                text.append('\n').append(Times.display(u.at())).append(" — ").append(Texts.update(lang, u.status()));
                if (u.editedAt() != null) {
                    text.append(" (").append(Texts.t(lang, "edited")).append(' ').append(Times.display(u.editedAt())).append(')');
                }
                text.append(": ").append(u.text().in(lang.tag()));
            }
            text.append("\n\n");
        }
        b.append("<entry>\n<id>").append(esc(base + "/incidents/" + i.id())).append("</id>\n")
                .append("<title>").append(esc(i.title().en())).append(" / ").append(esc(i.title().ko())).append("</title>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(base + "/incidents/" + i.id())).append("\"/>\n")
                .append("<published>").append(Times.iso(i.startedAt())).append("</published>\n")
                .append("<updated>").append(Times.iso(i.lastChange())).append("</updated>\n")
                .append("<content type=\"text\">").append(esc(text.toString().trim())).append("</content>\n</entry>\n");
    }
}
