package dev.bongsu.bench.paging;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A real webhook receiver on 127.0.0.1: records every POST (arrival time, path, event) and answers 200. Each run posts
 * to its own path, so a late retry of an earlier run is never counted against a later one.
 *
 * <p>Understands two bodies: Bongsu's generic webhook ({@code {"event": "incident.opened", "incident": {…}}}) and
 * Alertmanager's webhook ({@code {"status": "firing", "alerts": [...]}}), whose firing notifications count as pages.
 */
final class WebhookReceiver {
    /**
     * One POST.
     *
     * @param arrivedAtMillis wall-clock time the request's headers arrived
     * @param path            the request path
     * @param event           {@code incident.opened}, {@code incident.updated}, {@code incident.resolved}, or for
     *                        Alertmanager {@code firing} / {@code resolved}
     * @param key             the incident id, or Alertmanager's group key
     * @param summary         what it is about: incident kind and services, or alert names and instances
     */
    record Post(long arrivedAtMillis, String path, String event, String key, String summary) {
        /** Whether this POST is a page: a Bongsu {@code incident.opened} or an Alertmanager {@code firing}. */
        boolean isPage() {
            return "incident.opened".equals(event) || "firing".equals(event);
        }
    }

    private final List<Post> posts = new ArrayList<>();
    private HttpServer server;

    /** Starts listening on a free port of 127.0.0.1. */
    int start(Vertx vertx) {
        server = vertx.createHttpServer().requestHandler(req -> {
            long arrived = System.currentTimeMillis();
            if (req.method() != HttpMethod.POST) {
                req.response().setStatusCode(405).end();
                return;
            }
            String path = req.path();
            String header = req.getHeader("X-Bongsu-Event");
            req.body().onComplete(ar -> {
                String event = header;
                String summary = "";
                String key = "";
                if (ar.succeeded()) {
                    try {
                        JsonObject body = ar.result().toJsonObject();
                        if (body.containsKey("alerts")) {
                            event = body.getString("status");
                            key = body.getString("groupKey", "");
                            summary = alertSummary(body.getJsonArray("alerts"));
                        } else {
                            if (event == null) {
                                event = body.getString("event");
                            }
                            JsonObject inc = body.getJsonObject("incident", new JsonObject());
                            key = inc.getString("id", "");
                            summary = inc.getString("kind", "?") + " " + inc.getJsonArray("services", new JsonArray()).encode()
                                    + " " + inc.getString("id", "");
                        }
                    } catch (RuntimeException e) {
                        summary = "unparsable body: " + e.getMessage();
                    }
                }
                synchronized (posts) {
                    posts.add(new Post(arrived, path, event == null ? "?" : event, key, summary));
                }
                req.response().setStatusCode(200).end();
            });
        });
        return server.listen(0, "127.0.0.1").await().actualPort();
    }

    private static String alertSummary(JsonArray alerts) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            JsonObject labels = alerts.getJsonObject(i).getJsonObject("labels", new JsonObject());
            parts.add(labels.getString("alertname", "?") + "{" + labels.getString("service", labels.getString("instance", "")) + "}");
        }
        return String.join(",", parts);
    }

    /** Every POST received on {@code path} so far, in order of arrival. */
    List<Post> posts(String path) {
        synchronized (posts) {
            return posts.stream().filter(p -> p.path().equals(path)).toList();
        }
    }

    /** The first page on {@code path} that arrived at or after {@code sinceMillis}, or {@code null}. */
    Post firstPage(String path, long sinceMillis) {
        synchronized (posts) {
            return posts.stream().filter(p -> p.path().equals(path) && p.arrivedAtMillis() >= sinceMillis && p.isPage())
                    .findFirst().orElse(null);
        }
    }

    /**
     * The incidents (alert groups) on {@code path} whose last POST is not a resolution: what the receiver still
     * believes to be open.
     */
    List<String> open(String path) {
        java.util.Map<String, String> last = new java.util.LinkedHashMap<>();
        for (Post p : posts(path)) {
            last.put(p.key(), p.event());
        }
        return last.entrySet().stream().filter(e -> !e.getValue().endsWith("resolved")).map(java.util.Map.Entry::getKey).toList();
    }

    void close() {
        if (server != null) {
            server.close().await();
        }
    }
}
