package dev.bongsu.app.heartbeat;

import dev.bongsu.alerting.outbox.TokenBucket;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.probes.heartbeat.HeartbeatPush;
import dev.bongsu.probes.heartbeat.HeartbeatTracker;
import dev.bongsu.probes.heartbeat.HeartbeatVerticle;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code GET|POST /api/v1/push/{check}?status=up|down&msg=…}: a watched job says it is alive. The check must be a
 * heartbeat check (else 404, the same answer as for a check that does not exist); its token, when it has one, comes as
 * {@code Authorization: Bearer …} or {@code ?token=…} and is compared in constant time (else 401); {@code status}
 * defaults to {@code up} (else 400); {@code msg} is cut to 200 characters without control
 * characters. A form or JSON body may carry {@code status} and {@code msg} instead of the query. Authenticated pushes are
 * limited per check to {@link #LIMIT} (429 with {@code Retry-After} beyond); an accepted push answers
 * {@code 200 {"ok":true}} and goes to every server's heartbeat tracker.
 */
public final class PushRoute {
    /** The path, as mounted. */
    public static final String PATH = "/api/v1/push/:check";
    /** Pushes accepted per check: one a second on average, bursts of ten. */
    public static final RateLimit LIMIT = new RateLimit(1, Duration.ofSeconds(1), 10);
    private static final Logger LOG = Logger.getLogger("heartbeat");

    private final EventBus bus;
    private final Clock clock;
    private volatile Map<String, PushToken> checks;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** The endpoint for the heartbeat checks of {@code cfg}, handing pushes to {@code bus}. */
    public PushRoute(EventBus bus, BongsuConfig cfg, Clock clock) {
        this.bus = bus;
        this.clock = clock;
        this.checks = checksOf(cfg);
    }

    /** Adds the route (GET and POST) to {@code router}. */
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
        router.post(PATH).handler(this::handle);
    }

    /** Takes a new configuration (safe from any thread): added checks accept pushes, removed ones answer 404. */
    public void reconfigure(BongsuConfig cfg) {
        Map<String, PushToken> next = checksOf(cfg);
        buckets.keySet().retainAll(next.keySet());
        checks = next;
    }

    private static Map<String, PushToken> checksOf(BongsuConfig cfg) {
        Map<String, PushToken> out = new LinkedHashMap<>();
        for (CheckConfig c : HeartbeatTracker.heartbeatsOf(cfg.checks())) {
            String token = ((HeartbeatTarget) c.target()).token();
            if (token == null) {
                LOG.warning("heartbeat check " + c.id() + " has no token: anyone who can reach " + PATH.replace(":check", c.id())
                        + " can push to it");
            }
            out.put(c.id(), new PushToken(token));
        }
        return out;
    }

    private void handle(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        String checkId = ctx.pathParam("check");
        PushToken token = checks.get(checkId);
        if (token == null) {
            ApiErrors.send(ctx, 404, "no heartbeat check of that name: the path is /api/v1/push/<service id>.<check name>");
            return;
        }
        switch (token.judge(ctx.request().getHeader("Authorization"), ctx.queryParams().get("token"))) {
            case MISSING -> {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bongsu-push\"");
                ApiErrors.send(ctx, 401, "missing token: send 'Authorization: Bearer <token>' or '?token=<token>'");
                return;
            }
            case WRONG -> {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bongsu-push\", error=\"invalid_token\"");
                ApiErrors.send(ctx, 401, "invalid token for this check");
                return;
            }
            case ACCEPTED -> {
            }
        }
        JsonObject body;
        try {
            body = jsonBody(ctx);
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object such as {\"status\":\"down\",\"msg\":\"disk full\"}, or no body");
            return;
        }
        Object status = param(ctx, body, "status");
        status = status == null ? "up" : status;
        String state = status instanceof String s ? s.toLowerCase(Locale.ROOT) : "";
        if (!state.equals("up") && !state.equals("down")) {
            ApiErrors.badRequest(ctx, "status: expected up or down");
            return;
        }
        Object msg = param(ctx, body, "msg");
        if (msg != null && !(msg instanceof String)) {
            ApiErrors.badRequest(ctx, "msg: expected a text");
            return;
        }
        if (!take(checkId)) {
            ctx.response().putHeader("Retry-After", "1");
            ApiErrors.send(ctx, 429, "too many pushes for this check: at most " + (int) LIMIT.perSecond() + " a second, bursts of "
                    + LIMIT.burst());
            return;
        }
        HeartbeatVerticle.publish(bus, new HeartbeatPush(checkId, state.equals("up"), PushMessage.clean((String) msg)));
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end("{\"ok\":true}");
    }

    /** The JSON object of a POST that sent one, else empty; throws when a body that claims to be JSON is not an object. */
    private static JsonObject jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (ctx.request().method() != HttpMethod.POST || type == null || !type.toLowerCase(Locale.ROOT).contains("json")
                || ctx.body() == null || ctx.body().length() == 0) {
            return new JsonObject();
        }
        JsonObject parsed = ctx.body().asJsonObject();
        return parsed == null ? new JsonObject() : parsed;
    }

    /** A parameter from the query, else a POSTed form, else the JSON body; {@code null} when none has it. */
    private static Object param(RoutingContext ctx, JsonObject body, String name) {
        if (ctx.queryParams().contains(name)) {
            return ctx.queryParams().get(name);
        }
        if (ctx.request().method() == HttpMethod.POST && ctx.request().isExpectMultipart()
                && ctx.request().formAttributes().contains(name)) {
            return ctx.request().formAttributes().get(name);
        }
        return body.getValue(name);
    }

    private boolean take(String checkId) {
        TokenBucket bucket = buckets.computeIfAbsent(checkId, id -> new TokenBucket(LIMIT));
        synchronized (bucket) {
            return bucket.tryTake(clock.instant());
        }
    }
}
