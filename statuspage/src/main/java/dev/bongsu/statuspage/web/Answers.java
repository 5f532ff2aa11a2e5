package dev.bongsu.statuspage.web;

import static dev.bongsu.statuspage.render.Html.esc;

import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Layout;
import dev.bongsu.statuspage.render.Texts;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Logger;

/** Error answers of the public site: JSON for the API, a small page for people. */
public final class Answers {
    private static final Logger LOG = Logger.getLogger(Answers.class.getName());

    private Answers() {
    }

    /** 404 as a page, in the visitor's language. */
    public static void notFoundPage(RoutingContext ctx, Lang lang) {
        String body = "<!DOCTYPE html>\n<html lang=\"" + lang.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>404</title>"
                + "<link rel=\"stylesheet\" href=\"" + Layout.CSS_PATH + "\"></head><body><main class=\"wrap\"><h1>"
                + esc(Texts.t(lang, "not.found")) + "</h1><p><a href=\"/?lang=" + lang.tag() + "\">" + esc(Texts.t(lang, "back"))
                + "</a></p></main></body></html>\n";
        ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    /** Answers a failure: 400 for a bad parameter, 503 when a store could not answer. */
    public static void failure(RoutingContext ctx, Throwable e) {
        if (e instanceof BadParameter) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        LOG.warning("status page: " + ctx.request().path() + " could not be answered: " + e);
        ApiErrors.send(ctx, 503, "temporarily unavailable, try again shortly");
    }
}
