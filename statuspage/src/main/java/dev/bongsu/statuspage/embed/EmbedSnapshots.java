package dev.bongsu.statuspage.embed;

import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.Overall;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.render.Badges;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.reports.GroupBy;
import dev.bongsu.statuspage.snapshot.Renderer;
import dev.bongsu.statuspage.snapshot.Snapshot;
import dev.bongsu.statuspage.snapshot.SnapshotKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The widget's pre-rendered answers, built with every other snapshot, so a framed widget costs what the home page costs. */
public final class EmbedSnapshots {
    private EmbedSnapshots() {
    }

    /** The key of the overall widget. */
    public static String overallKey(Lang lang) {
        return SnapshotKeys.page("/embed", lang.tag());
    }

    /** The key of one service's widget. */
    public static String serviceKey(String serviceId, Lang lang) {
        return SnapshotKeys.page("/embed/services/" + serviceId, lang.tag());
    }

    /** The key of one provider's widget. */
    public static String providerKey(String provider, Lang lang) {
        return SnapshotKeys.page("/embed?provider=" + provider, lang.tag());
    }

    /** The key of the overall badge (not a service badge key, so a service may be called "overall"). */
    public static String overallBadgeKey(Lang lang) {
        return "badge-overall:" + lang.tag();
    }

    /** The key of a provider's badge. */
    public static String providerBadgeKey(String provider, Lang lang) {
        return "badge-provider:" + provider + ":" + lang.tag();
    }

    /** Every widget and group badge of this build, in both languages. */
    public static Map<String, Snapshot> render(SiteData d) {
        Map<String, Snapshot> out = new HashMap<>();
        Map<String, List<ServiceConfig>> providers = GroupBy.PROVIDER.groups(d.view());
        providers.remove(null);
        for (Lang lang : Lang.values()) {
            out.put(overallKey(lang), page(EmbedPage.overall(d, lang)));
            out.put(overallBadgeKey(lang), badge(Badges.overall(Texts.t(lang, "embed.badge"), d.overall(), lang)));
            for (ServiceConfig s : d.config().services()) {
                out.put(serviceKey(s.id(), lang), page(EmbedPage.service(d, s, lang)));
            }
            providers.forEach((p, services) -> {
                out.put(providerKey(p, lang), page(EmbedPage.provider(d, p, services, lang)));
                Overall o = Overall.of(services.stream().map(s -> d.state(s.id()).health()).toList());
                out.put(providerBadgeKey(p, lang), badge(Badges.overall(d.config().statusPage().valueName("provider", p).in(lang.tag()), o, lang)));
            });
        }
        return out;
    }

    private static Snapshot page(String html) {
        return Snapshot.of(Renderer.HTML, Snapshot.LIVE, html);
    }

    private static Snapshot badge(String svg) {
        return Snapshot.of(Renderer.SVG, Snapshot.LIVE, svg);
    }
}
