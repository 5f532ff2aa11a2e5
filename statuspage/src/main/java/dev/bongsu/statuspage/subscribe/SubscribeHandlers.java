package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.SubscriptionsConfig;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.SubscribePages;
import dev.bongsu.statuspage.subscribe.SubscriberStore.ConfirmResult;
import dev.bongsu.statuspage.subscribe.SubscriberStore.UnsubscribeResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The public side of subscribing: the form and its POST, the JSON API, and the confirm and unsubscribe pages whose
 * POSTs do the work ({@code POST /unsubscribe} also takes RFC 8058 one-click requests). Answers never tell whether an
 * address was already subscribed, and never contain it.
 */
public final class SubscribeHandlers {
    private static final Pattern LINK_PART = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** The configuration the pages and the valid choices come from; swapped by {@link #reconfigure}. */
    private volatile BongsuConfig cfg;
    /** The limits the store and the flow were made with (they change with a restart, not a reload). */
    private final SubscriptionsConfig settings;
    private volatile SubscriptionChoices choices;
    private final SubscriptionFlow flow;
    private final SubscriberStore store;
    private final Clock clock;

    /** Handlers of this configuration, storing into {@code store} through {@code flow}. */
    public SubscribeHandlers(BongsuConfig cfg, SubscriberStore store, SubscriptionFlow flow, Clock clock) {
        this.cfg = cfg;
        this.settings = cfg.statusPage().subscriptions();
        this.choices = new SubscriptionChoices(cfg);
        this.flow = flow;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Takes a reloaded configuration: the page title, the services, providers and categories one may choose, and
     * whether subscribing is on; the limits stay as they were until a restart.
     */
    public void reconfigure(BongsuConfig next) {
        this.choices = new SubscriptionChoices(next);
        this.cfg = next;
    }

    /** {@code GET /subscribe}. */
    public void form(RoutingContext ctx) {
        if (disabled(ctx, false)) {
            return;
        }
        html(ctx, 200, formPage(ctx, null));
    }

    /** {@code POST /subscribe} (form-encoded): "check your inbox", or the form again naming what is wrong. */
    public void submitForm(RoutingContext ctx) {
        if (disabled(ctx, false)) {
            return;
        }
        Lang lang = lang(ctx);
        SubscriptionRequest r;
        try {
            r = SubscriptionRequest.fromForm(ctx.request().formAttributes(), lang.tag(), choices, cfg.statusPage().subscriptions().privateWebhooks());
        } catch (BadParameter e) {
            html(ctx, 400, formPage(ctx, e.getMessage()));
            return;
        }
        flow.subscribe(r, client(ctx)).onSuccess(o -> {
            if (o == SubscriptionFlow.Outcome.TOO_MANY_FROM_CLIENT || o == SubscriptionFlow.Outcome.TOO_MANY_PENDING) {
                ctx.response().putHeader("Retry-After", String.valueOf(o.retryAfterSeconds()));
                html(ctx, 429, SubscribePages.result(lang, cfg.statusPage(), clock.instant(), "sub.busy.title", "sub-busy",
                        o == SubscriptionFlow.Outcome.TOO_MANY_FROM_CLIENT ? "sub.too.many" : "sub.too.many.pending"));
                return;
            }
            html(ctx, 200, SubscribePages.pending(lang, cfg.statusPage(), clock.instant(), r.channel() == Subscriber.Channel.WEBHOOK,
                    o == SubscriptionFlow.Outcome.PENDING, settings.confirmWithin()));
        }).onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/subscriptions} (JSON): 202 {@code {"status":"pending","confirmationSent":…,"message":…}}. */
    public void submitJson(RoutingContext ctx) {
        if (disabled(ctx, true)) {
            return;
        }
        SubscriptionRequest r;
        try {
            r = SubscriptionRequest.fromJson(json(ctx.body()), lang(ctx).tag(), choices, cfg.statusPage().subscriptions().privateWebhooks());
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        flow.subscribe(r, client(ctx)).onSuccess(o -> {
            switch (o) {
                case TOO_MANY_FROM_CLIENT, TOO_MANY_PENDING -> {
                    ctx.response().putHeader("Retry-After", String.valueOf(o.retryAfterSeconds()));
                    ApiErrors.send(ctx, 429, o == SubscriptionFlow.Outcome.TOO_MANY_FROM_CLIENT
                            ? "too many subscription requests from this address; at most " + settings.pendingPerClientPerHour()
                            + " per hour, try again later" : "too many subscriptions are waiting for confirmation; try again later");
                }
                default -> {
                    boolean sent = o == SubscriptionFlow.Outcome.PENDING;
                    String where = r.channel() == Subscriber.Channel.WEBHOOK ? "the webhook" : "the inbox";
                    ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json; charset=utf-8")
                            .putHeader("Cache-Control", "no-store")
                            .end(new JsonObject().put("status", "pending").put("confirmationSent", sent)
                                    .put("message", sent ? "a confirmation link was sent to " + where + "; it is valid for "
                                            + settings.confirmWithin().toHours() + " hours and nothing is sent before it is used"
                                            : "the request is stored, but the confirmation could not be sent now; subscribe again later")
                                    .encode());
                }
            }
        }).onFailure(ctx::fail);
    }

    /** {@code GET /subscriptions/confirm?id=&token=}: a button that POSTs; fetching the link confirms nothing. */
    public void confirmPage(RoutingContext ctx) {
        if (disabled(ctx, false)) {
            return;
        }
        buttonPage(ctx, "confirm", SubscriptionLinks.CONFIRM_PATH);
    }

    /** {@code POST /subscriptions/confirm?id=&token=}. */
    public void confirm(RoutingContext ctx) {
        if (disabled(ctx, false)) {
            return;
        }
        Lang lang = lang(ctx);
        String id = param(ctx, "id");
        String token = param(ctx, "token");
        Future<ConfirmResult> done = id == null || token == null ? Future.succeededFuture(ConfirmResult.INVALID)
                : store.confirm(id, token, clock.instant());
        done.onSuccess(r -> {
            switch (r) {
                case CONFIRMED, ALREADY_CONFIRMED -> result(ctx, lang, 200, "sub.confirm.title", "sub-confirmed", "sub.confirmed");
                case EXPIRED -> result(ctx, lang, 410, "sub.confirm.title", "sub-expired", "sub.expired");
                default -> result(ctx, lang, 400, "sub.confirm.title", "sub-invalid", "sub.invalid");
            }
        }).onFailure(ctx::fail);
    }

    /** {@code GET /unsubscribe?id=&token=}: a button that POSTs. Works even when subscribing is switched off. */
    public void unsubscribePage(RoutingContext ctx) {
        buttonPage(ctx, "unsubscribe", SubscriptionLinks.UNSUBSCRIBE_PATH);
    }

    /**
     * {@code POST /unsubscribe?id=&token=}: from the page's button, or an RFC 8058 one-click POST by a mail client
     * (body {@code List-Unsubscribe=One-Click}); 200 once the subscriber is gone, also when it already was.
     */
    public void unsubscribe(RoutingContext ctx) {
        Lang lang = lang(ctx);
        String id = param(ctx, "id");
        String token = param(ctx, "token");
        Future<UnsubscribeResult> done = id == null || token == null ? Future.succeededFuture(UnsubscribeResult.INVALID)
                : store.unsubscribe(id, token);
        done.onSuccess(r -> {
            if (r == UnsubscribeResult.INVALID) {
                result(ctx, lang, 400, "sub.unsubscribe.title", "sub-invalid", "sub.invalid");
            } else {
                result(ctx, lang, 200, "sub.unsubscribe.title", "sub-unsubscribed", "sub.unsubscribed");
            }
        }).onFailure(ctx::fail);
    }

    private void buttonPage(RoutingContext ctx, String action, String path) {
        Lang lang = lang(ctx);
        String id = param(ctx, "id");
        String token = param(ctx, "token");
        if (id == null || token == null) {
            result(ctx, lang, 400, "sub." + action + ".title", "sub-invalid", "sub.invalid");
            return;
        }
        html(ctx, 200, SubscribePages.button(lang, cfg.statusPage(), clock.instant(), action, path, id, token));
    }

    private String formPage(RoutingContext ctx, String error) {
        return SubscribePages.form(lang(ctx), cfg.statusPage(), clock.instant(), error, choices.providers(), choices.categories(),
                choices.services());
    }

    private void result(RoutingContext ctx, Lang lang, int status, String titleKey, String id, String textKey) {
        html(ctx, status, SubscribePages.result(lang, cfg.statusPage(), clock.instant(), titleKey, id, textKey));
    }

    /** When subscribing is switched off, answers 404 and returns true. */
    private boolean disabled(RoutingContext ctx, boolean api) {
        if (cfg.statusPage().subscriptions().enabled()) {
            return false;
        }
        if (api) {
            ApiErrors.send(ctx, 404, "this status page does not offer subscriptions");
        } else {
            dev.bongsu.statuspage.web.Answers.notFoundPage(ctx, lang(ctx));
        }
        return true;
    }

    /** A link parameter from the query or the form, or {@code null} when missing or malformed. */
    private static String param(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null) {
            v = ctx.request().getFormAttribute(name);
        }
        return v != null && LINK_PART.matcher(v).matches() ? v : null;
    }

    private static JsonObject json(RequestBody body) {
        if (body == null || body.buffer() == null || body.length() == 0) {
            return null;
        }
        try {
            return body.asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw new BadParameter("body: not a JSON object; expected e.g. {\"email\":\"reader@example.com\",\"lang\":\"en\"}");
        }
    }

    /** The page's language: {@code ?lang=} of the query (the form's own {@code lang} field is the messages' language). */
    private static Lang lang(RoutingContext ctx) {
        java.util.List<String> q = ctx.queryParam("lang");
        return Lang.ofTag(q.isEmpty() ? null : q.get(0))
                .orElseGet(() -> Lang.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private static String client(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    private static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(page);
    }
}
