package dev.bongsu.statuspage.web;

import dev.bongsu.statuspage.api.Params;
import dev.bongsu.statuspage.render.Lang;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** The language a visitor reads a page in: {@code ?lang=} when given, else the browser's Accept-Language. */
public final class VisitorLang {
    private VisitorLang() {
    }

    /** {@code ?lang=} (an unknown value is a {@link dev.bongsu.statuspage.api.BadParameter}), else Accept-Language. */
    public static Lang of(RoutingContext ctx) {
        if (ctx.request().query() != null) {
            var l = new Params(ctx.queryParams()).lang();
            if (l.isPresent()) {
                return l.get();
            }
        }
        return Lang.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
