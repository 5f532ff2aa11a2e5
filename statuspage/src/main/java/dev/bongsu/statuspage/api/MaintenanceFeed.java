package dev.bongsu.statuspage.api;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.maintenance.PublicMaintenance;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.MaintenanceFragments;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.render.Times;
import java.time.Instant;

/**
 * The Atom entries of scheduled maintenance: one per maintenance, published when announced and updated when it is
 * changed, starts, ends or is cancelled (its phase is in the text), so feed readers see each step.
 */
final class MaintenanceFeed {
    private MaintenanceFeed() {
    }

    /** The feed's {@code updated}: the latest of {@code incidents} (when there are incident entries) and of every maintenance. */
    static Instant latest(SiteData d, Instant incidents, boolean hasIncidents) {
        Instant out = hasIncidents ? incidents : null;
        for (PublicMaintenance m : d.maintenance()) {
            if (out == null || m.updatedAt().isAfter(out)) {
                out = m.updatedAt();
            }
        }
        return out == null ? incidents : out;
    }

    /** Appends one entry per maintenance. */
    static void entries(StringBuilder b, SiteData d, String base) {
        for (PublicMaintenance m : d.maintenance()) {
            StringBuilder text = new StringBuilder();
            for (Lang lang : new Lang[] {Lang.EN, Lang.KO}) {
                text.append(Texts.t(lang, "maint.upcoming")).append(" — ").append(Texts.t(lang, "maint.phase." + m.phase().wireName()))
                        .append(". ").append(Texts.t(lang, "maint.window")).append(": ").append(Times.display(m.start())).append(" ~ ")
                        .append(Times.display(m.end())).append(". ").append(Texts.t(lang, "maint.services")).append(": ")
                        .append(MaintenanceFragments.services(d.view(), m, lang)).append('.');
                if (m.description() != null) {
                    text.append('\n').append(m.description().in(lang.tag()));
                }
                text.append("\n\n");
            }
            String url = base + m.path();
            Instant published = m.createdAt() != null && !m.createdAt().isAfter(m.updatedAt()) ? m.createdAt() : m.updatedAt();
            b.append("<entry>\n<id>").append(esc(url)).append("</id>\n")
                    .append("<title>").append(esc(m.title().en())).append(" / ").append(esc(m.title().ko())).append("</title>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(url)).append("\"/>\n")
                    .append("<category term=\"maintenance\"/>\n")
                    .append("<published>").append(Times.iso(published)).append("</published>\n")
                    .append("<updated>").append(Times.iso(m.updatedAt())).append("</updated>\n")
                    .append("<content type=\"text\">").append(esc(text.toString().trim())).append("</content>\n</entry>\n");
        }
    }
}
