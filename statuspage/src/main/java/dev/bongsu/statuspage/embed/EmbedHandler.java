package dev.bongsu.statuspage.embed;

import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.api.Params;
import dev.bongsu.statuspage.data.SiteState;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.snapshot.Responder;
import dev.bongsu.statuspage.snapshot.Snapshot;
import dev.bongsu.statuspage.web.Answers;
import dev.bongsu.statuspage.web.VisitorLang;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /embed}, {@code /embed/services/:id}, {@code /badge/overall.svg}, {@code /badge/provider/:file}: from snapshots. */
public final class EmbedHandler {
    private final Supplier<SiteState> state;

    /** Answers from the latest build in {@code state}. */
    public EmbedHandler(Supplier<SiteState> state) {
        this.state = state;
    }

    /** {@code GET /embed[?provider=][&lang=]}: the overall widget, or one public provider's. */
    public void overall(RoutingContext ctx) {
        Lang lang;
        Optional<String> provider;
        try {
            lang = VisitorLang.of(ctx);
            provider = new Params(ctx.queryParams()).single("provider");
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        page(ctx, provider.map(v -> EmbedSnapshots.providerKey(v, lang)).orElse(EmbedSnapshots.overallKey(lang)), lang);
    }

    /** {@code GET /embed/services/:id[?lang=]}. */
    public void service(RoutingContext ctx) {
        Lang lang;
        try {
            lang = VisitorLang.of(ctx);
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        page(ctx, EmbedSnapshots.serviceKey(ctx.pathParam("id"), lang), lang);
    }

    /** {@code GET /badge/overall.svg[?lang=]}: the whole page's state. */
    public void overallBadge(RoutingContext ctx) {
        badge(ctx, EmbedSnapshots::overallBadgeKey, "no overall badge");
    }

    /** {@code GET /badge/provider/:file}, file {@code <provider>.svg}: one public provider's state. */
    public void providerBadge(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".svg")) {
            ApiErrors.send(ctx, 404, "no such provider badge: use /badge/provider/<provider>.svg");
            return;
        }
        String provider = file.substring(0, file.length() - 4);
        badge(ctx, lang -> EmbedSnapshots.providerBadgeKey(provider, lang),
                "no such provider badge: use /badge/provider/<provider>.svg with a provider the page shows");
    }

    private void badge(RoutingContext ctx, java.util.function.Function<Lang, String> key, String missing) {
        Lang lang;
        try {
            lang = new Params(ctx.queryParams()).lang().orElse(Lang.EN);
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        Snapshot s = state.get().snapshots().get(key.apply(lang));
        if (s == null) {
            ApiErrors.send(ctx, 404, missing);
            return;
        }
        Responder.send(ctx, s, Responder.VARY_PLAIN);
    }

    private void page(RoutingContext ctx, String key, Lang lang) {
        Snapshot s = state.get().snapshots().get(key);
        if (s == null) {
            Answers.notFoundPage(ctx, lang);
            return;
        }
        Responder.send(ctx, s, Responder.VARY_LANG);
    }
}
