package dev.bongsu.app.cluster;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.CheckConfig;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/assignments}: asks every live probe node which checks it probes (request/reply over the
 * clustered event bus) and answers, per vantage, which node has which checks and whether every check is covered
 * exactly once. Runs on servers; the admin token is checked by the root router.
 */
public final class AssignmentsEndpoint {
    /** The path served. */
    public static final String PATH = "/api/v1/admin/assignments";
    private static final long ASK_TIMEOUT_MS = 3000;

    private final ClusterNode node;
    private final ProbeRoster roster;
    private volatile List<String> vantages;
    private volatile List<String> checkIds;
    private volatile java.util.function.Supplier<String> configHash = () -> null;

    /** An endpoint for the cluster {@code node} is in, judged against these vantages and check ids. */
    public AssignmentsEndpoint(ClusterNode node, ProbeRoster roster, List<String> vantages, List<String> checkIds) {
        this.node = node;
        this.roster = roster;
        this.vantages = List.copyOf(vantages);
        this.checkIds = List.copyOf(checkIds);
    }

    /** An endpoint judged against {@code cfg}'s vantages and checks. */
    public static AssignmentsEndpoint forConfig(ClusterNode node, ProbeRoster roster, BongsuConfig cfg) {
        return new AssignmentsEndpoint(node, roster, cfg.vantageNames(), cfg.checks().stream().map(CheckConfig::id).toList());
    }

    /** Judges against a reloaded configuration's vantages and checks from now on. */
    public void reconfigure(BongsuConfig cfg) {
        vantages = List.copyOf(cfg.vantageNames());
        checkIds = cfg.checks().stream().map(CheckConfig::id).toList();
    }

    /** Names the configuration this server runs ({@code configHash}; each probe node names its own). */
    public AssignmentsEndpoint configHash(java.util.function.Supplier<String> hash) {
        this.configHash = hash;
        return this;
    }

    /** Adds the route. */
    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    /** The assignments as JSON: {@code {exactlyOnce, unanswered, vantages: [{name, exactlyOnce, missing, duplicated, nodes}]}}. */
    public Future<JsonObject> collect() {
        return roster.liveProbeNodes().compose(this::ask);
    }

    private void handle(RoutingContext ctx) {
        collect().onSuccess(json -> ctx.response().putHeader("content-type", "application/json").end(json.encodePrettily()))
                .onFailure(ctx::fail);
    }

    private Future<JsonObject> ask(Map<String, String> probeNodes) {
        List<String> ids = new ArrayList<>(probeNodes.keySet());
        List<Future<JsonObject>> asks = new ArrayList<>();
        DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(ASK_TIMEOUT_MS);
        for (String id : ids) {
            asks.add(node.vertx().eventBus().<JsonObject>request(ClusterAddresses.assignments(id), null, timeout)
                    .map(m -> m.body()));
        }
        return Future.join(asks).transform(ignored -> {
            List<CoverageReport.NodeShare> shares = new ArrayList<>();
            Map<String, String> hashes = new java.util.TreeMap<>();
            JsonArray unanswered = new JsonArray();
            for (int i = 0; i < asks.size(); i++) {
                Future<JsonObject> f = asks.get(i);
                if (f.succeeded()) {
                    JsonObject b = f.result();
                    shares.add(new CoverageReport.NodeShare(b.getString("node"), b.getString("vantage"),
                            b.getJsonArray("checks").stream().map(String::valueOf).toList()));
                    if (b.getString("configHash") != null) {
                        hashes.put(b.getString("node"), b.getString("configHash"));
                    }
                } else {
                    unanswered.add(ids.get(i));
                }
            }
            return Future.succeededFuture(withHashes(toJson(CoverageReport.of(vantages, checkIds, shares), unanswered), hashes));
        });
    }

    /**
     * Adds which configuration each node runs: {@code configHash} (this server's), per node {@code configHash}, and
     * {@code configConverged}: whether every node that answered runs this server's.
     */
    private JsonObject withHashes(JsonObject json, Map<String, String> hashes) {
        String mine = configHash.get();
        json.getJsonArray("vantages").forEach(v -> ((JsonObject) v).getJsonArray("nodes")
                .forEach(n -> ((JsonObject) n).put("configHash", hashes.get(((JsonObject) n).getString("node")))));
        return json.put("configHash", mine)
                .put("configConverged", mine == null || hashes.values().stream().allMatch(mine::equals));
    }

    static JsonObject toJson(CoverageReport report, JsonArray unanswered) {
        JsonArray vs = new JsonArray();
        report.vantages().forEach((name, v) -> {
            JsonArray nodes = new JsonArray();
            v.nodes().forEach((id, checks) -> nodes.add(new JsonObject().put("node", id).put("checkCount", checks.size())
                    .put("checks", new JsonArray(new ArrayList<>(checks)))));
            vs.add(new JsonObject().put("name", name).put("exactlyOnce", v.exactlyOnce())
                    .put("missing", new JsonArray(new ArrayList<>(v.missing())))
                    .put("duplicated", new JsonArray(new ArrayList<>(v.duplicated())))
                    .put("nodes", nodes));
        });
        return new JsonObject().put("exactlyOnce", report.exactlyOnce() && unanswered.isEmpty())
                .put("unanswered", unanswered).put("vantages", vs);
    }
}
