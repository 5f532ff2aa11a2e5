package dev.bongsu.app.chaos;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every route Bongsu's HTTP port serves, in one place: {@link RouteFuzzTest} fails when the code registers a route
 * this list does not hold, so that a new route is fuzzed too.
 */
final class FuzzRoutes {
    /** Any method: a {@code router.route(…)} registration (filters and catch-alls). */
    static final String ANY = "*";
    private static final Set<String> GET = Set.of("GET", "HEAD");

    /**
     * One route.
     *
     * @param methods  the methods registered ({@link #ANY} for all)
     * @param path     the path as registered
     * @param admin    behind the admin token
     * @param samples  concrete paths to send, from the running system
     * @param body     a valid JSON body for a POST, or null
     * @param only     why the route is not served by the fuzzed {@code bongsu run} process, or null
     */
    record Route(Set<String> methods, String path, boolean admin, Function<FuzzSystem, List<String>> samples, String body,
                 String only) {
        /** The method a well-formed request uses. */
        String method() {
            return methods.contains("GET") ? "GET" : methods.contains(ANY) ? "GET" : methods.iterator().next();
        }
    }

    private FuzzRoutes() {
    }

    /** The list. */
    static List<Route> all() {
        return List.of(
                page("/", s -> List.of("/")),
                page("/api/v1/status", s -> List.of("/api/v1/status")),
                page("/api/v1/status.csv", s -> List.of("/api/v1/status.csv")),
                page("/assets/status.css", s -> List.of("/assets/status.css")),
                page("/services/:id", s -> List.of("/services/" + s.serviceIds().get(0), "/services/" + s.serviceIds().get(4),
                        "/services/no-such-service")),
                page("/incidents/:id", s -> List.of("/incidents/" + s.correlatedId(), "/incidents/" + s.probeFaultId(),
                        "/incidents/no-such-incident")),
                page("/history", s -> List.of("/history")),
                page("/feed.atom", s -> List.of("/feed.atom")),
                page("/badge/:file", s -> List.of("/badge/" + s.serviceIds().get(0) + ".svg", "/badge/nothing.png")),
                page("/api/v1/services", s -> List.of("/api/v1/services")),
                page("/api/v1/services.csv", s -> List.of("/api/v1/services.csv")),
                page("/api/v1/services/:id/history", s -> List.of("/api/v1/services/" + s.serviceIds().get(0) + "/history",
                        "/api/v1/services/no-such/history")),
                page("/api/v1/services/:id/history.csv", s -> List.of("/api/v1/services/" + s.serviceIds().get(1) + "/history.csv")),
                page("/api/v1/incidents", s -> List.of("/api/v1/incidents")),
                page("/api/v1/incidents.csv", s -> List.of("/api/v1/incidents.csv")),
                page("/api/v2/summary.json", s -> List.of("/api/v2/summary.json")),
                page("/api/v2/status.json", s -> List.of("/api/v2/status.json")),
                page("/api/v2/components.json", s -> List.of("/api/v2/components.json")),
                page("/api/v2/incidents.json", s -> List.of("/api/v2/incidents.json")),
                page("/api/v2/incidents/unresolved.json", s -> List.of("/api/v2/incidents/unresolved.json")),
                page("/api/v2/scheduled-maintenances.json", s -> List.of("/api/v2/scheduled-maintenances.json")),
                page("/api/v2/scheduled-maintenances/upcoming.json", s -> List.of("/api/v2/scheduled-maintenances/upcoming.json")),
                page("/api/v2/scheduled-maintenances/active.json", s -> List.of("/api/v2/scheduled-maintenances/active.json")),
                page("/api/v1/incidents/:id", s -> List.of("/api/v1/incidents/" + s.correlatedId(), "/api/v1/incidents/" + s.declaredId() + ".csv",
                        "/api/v1/incidents/" + s.probeFaultId(), "/api/v1/incidents/no-such-incident")),
                page("/api/v1/services/:id/vantages", s -> List.of("/api/v1/services/" + s.serviceIds().get(0) + "/vantages",
                        "/api/v1/services/no-such/vantages")),
                page("/api/v1/reports", s -> List.of("/api/v1/reports", "/api/v1/reports?by=service&from=2026-11-01")),
                page("/api/v1/reports.csv", s -> List.of("/api/v1/reports.csv?by=category")),
                page("/maintenance/:id", s -> List.of("/maintenance/" + s.maintenanceId(), "/maintenance/no-such")),
                page("/api/v1/maintenance", s -> List.of("/api/v1/maintenance")),
                page("/badge/overall.svg", s -> List.of("/badge/overall.svg")),
                page("/badge/provider/:file", s -> List.of("/badge/provider/alpha.svg", "/badge/provider/nobody.svg")),
                page("/embed", s -> List.of("/embed", "/embed?provider=alpha")),
                page("/embed/services/:id", s -> List.of("/embed/services/" + s.serviceIds().get(0), "/embed/services/no-such")),
                page("/subscribe", s -> List.of("/subscribe")),
                route(Set.of("POST"), "/subscribe", false, s -> List.of("/subscribe"), null, null),
                route(Set.of("POST"), "/api/v1/subscriptions", false, s -> List.of("/api/v1/subscriptions"),
                        "{\"email\":\"reader@example.com\",\"lang\":\"ko\",\"providers\":[\"alpha\"]}", null),
                route(Set.of("GET", "POST"), "/subscriptions/confirm", false, s -> List.of(
                        "/subscriptions/confirm?id=" + s.subscriberId() + "&token=wrong", "/subscriptions/confirm"), null, null),
                route(Set.of("GET", "POST"), "/unsubscribe", false, s -> List.of(
                        "/unsubscribe?id=" + s.subscriberId() + "&token=wrong", "/unsubscribe?id=nobody&token=x"), null, null),
                route(Set.of("GET", "POST"), "/api/v1/push/:check", false, s -> List.of("/api/v1/push/" + s.serviceIds().get(0) + ".heartbeat",
                        "/api/v1/push/no-such.heartbeat?status=down&msg=fuzz&token=wrong"), "{\"status\":\"down\",\"msg\":\"fuzzed\"}", null),
                route(Set.of("GET"), "/healthz", false, s -> List.of("/healthz"), null, null),
                route(Set.of("GET"), "/metrics", false, s -> List.of("/metrics"), null, null),
                route(Set.of(ANY), "/api/*", false, s -> List.of("/api/v1/nothing", "/api/v3/summary.json"), null, null),
                route(Set.of(ANY), "/api/v1/admin/*", true, s -> List.of("/api/v1/admin/nothing"), null, null),
                route(Set.of("POST"), "/api/v1/admin/incidents/:id/updates", true, s -> List.of(
                        "/api/v1/admin/incidents/" + s.correlatedId() + "/updates",
                        "/api/v1/admin/incidents/" + s.probeFaultId() + "/updates",
                        "/api/v1/admin/incidents/no-such-incident/updates"),
                        "{\"status\":\"monitoring\",\"text\":{\"ko\":\"지켜보고 있습니다\",\"en\":\"We are watching\"}}", null),
                route(Set.of("PUT", "PATCH"), "/api/v1/admin/incidents/:id/updates/:updateId", true, s -> List.of(
                        "/api/v1/admin/incidents/" + s.correlatedId() + "/updates/" + s.updateId(),
                        "/api/v1/admin/incidents/" + s.correlatedId() + "/updates/no-such-update",
                        "/api/v1/admin/incidents/" + s.probeFaultId() + "/updates/" + s.updateId()),
                        "{\"status\":\"monitoring\",\"text\":{\"ko\":\"고쳤습니다\",\"en\":\"Edited\"}}", null),
                route(Set.of("DELETE"), "/api/v1/admin/incidents/:id/updates/:updateId", true, s -> List.of(
                        "/api/v1/admin/incidents/" + s.correlatedId() + "/updates/" + s.updateId(),
                        "/api/v1/admin/incidents/" + s.correlatedId() + "/updates/no-such-update"), null, null),
                route(Set.of("GET"), "/api/v1/admin/silences", true, s -> List.of("/api/v1/admin/silences"), null, null),
                route(Set.of("POST"), "/api/v1/admin/silences", true, s -> List.of("/api/v1/admin/silences"),
                        "{\"matchers\":[\"provider=alpha\",{\"label\":\"category\",\"op\":\"=\",\"value\":\"bank\"}],"
                                + "\"duration\":\"10m\",\"author\":\"fuzz\",\"comment\":\"fuzzed silence\"}", null),
                route(Set.of("DELETE"), "/api/v1/admin/silences/:id", true, s -> List.of("/api/v1/admin/silences/" + s.silenceId(),
                        "/api/v1/admin/silences/no-such-silence"), null, null),
                route(Set.of("POST"), "/api/v1/admin/receivers/:name/test", true, s -> List.of("/api/v1/admin/receivers/oncall/test",
                        "/api/v1/admin/receivers/log/test", "/api/v1/admin/receivers/nobody/test"), "{}", null),
                route(Set.of("GET"), "/api/v1/admin/outbox", true, s -> List.of("/api/v1/admin/outbox"), null, null),
                route(Set.of("GET", "POST"), "/api/v1/ack/:id", false, s -> List.of(
                        "/api/v1/ack/" + s.correlatedId() + "?exp=99999999999&sig=forged", "/api/v1/ack/no-such-incident",
                        "/api/v1/ack/" + s.probeFaultId() + "?exp=1&sig=x"), null, null),
                route(Set.of("GET"), "/api/v1/admin/incidents/:id/ack", true, s -> List.of(
                        "/api/v1/admin/incidents/" + s.correlatedId() + "/ack", "/api/v1/admin/incidents/no-such/ack"), null, null),
                route(Set.of("POST"), "/api/v1/admin/incidents/:id/ack", true, s -> List.of(
                        "/api/v1/admin/incidents/no-such/ack", "/api/v1/admin/incidents/" + s.probeFaultId() + "/ack"),
                        "{\"by\":\"fuzz\"}", null),
                route(Set.of("GET"), "/api/v1/admin/acks", true, s -> List.of("/api/v1/admin/acks"), null, null),
                route(Set.of("GET"), "/api/v1/admin/outbox/notifications", true, s -> List.of("/api/v1/admin/outbox/notifications"),
                        null, null),
                route(Set.of("GET"), "/api/v1/admin/maintenance", true, s -> List.of("/api/v1/admin/maintenance"), null, null),
                route(Set.of("POST"), "/api/v1/admin/maintenance", true, s -> List.of("/api/v1/admin/maintenance"),
                        "{\"title\":{\"ko\":\"점검\",\"en\":\"Maintenance\"},\"services\":[\"beta-map\"],"
                                + "\"start\":\"2030-01-01T00:00:00Z\",\"end\":\"2030-01-01T02:00:00Z\"}", null),
                route(Set.of("GET"), "/api/v1/admin/maintenance/:id", true, s -> List.of("/api/v1/admin/maintenance/" + s.maintenanceId(),
                        "/api/v1/admin/maintenance/no-such"), null, null),
                route(Set.of("PUT", "PATCH"), "/api/v1/admin/maintenance/:id", true, s -> List.of(
                        "/api/v1/admin/maintenance/" + s.maintenanceId(), "/api/v1/admin/maintenance/no-such"),
                        "{\"title\":{\"ko\":\"점검 연장\",\"en\":\"Maintenance extended\"}}", null),
                route(Set.of("DELETE"), "/api/v1/admin/maintenance/:id", true, s -> List.of("/api/v1/admin/maintenance/no-such"), null, null),
                route(Set.of("POST"), "/api/v1/admin/maintenance/:id/complete", true, s -> List.of(
                        "/api/v1/admin/maintenance/" + s.maintenanceId() + "/complete", "/api/v1/admin/maintenance/no-such/complete"), "{}", null),
                route(Set.of("POST"), "/api/v1/admin/incidents", true, s -> List.of("/api/v1/admin/incidents"),
                        "{\"title\":{\"ko\":\"지연\",\"en\":\"Delays\"},\"services\":[\"alpha-pay\"],\"impact\":\"degraded\","
                                + "\"text\":{\"ko\":\"느립니다\",\"en\":\"Slow\"}}", null),
                route(Set.of("PATCH"), "/api/v1/admin/incidents/:id", true, s -> List.of("/api/v1/admin/incidents/" + s.declaredId(),
                        "/api/v1/admin/incidents/" + s.correlatedId(), "/api/v1/admin/incidents/no-such"), "{\"impact\":\"major_outage\"}", null),
                route(Set.of("POST"), "/api/v1/admin/incidents/:id/resolve", true, s -> List.of(
                        "/api/v1/admin/incidents/no-such/resolve", "/api/v1/admin/incidents/" + s.correlatedId() + "/resolve"), "{}", null),
                route(Set.of("PUT"), "/api/v1/admin/incidents/:id/postmortem", true, s -> List.of(
                        "/api/v1/admin/incidents/" + s.correlatedId() + "/postmortem", "/api/v1/admin/incidents/" + s.probeFaultId() + "/postmortem"),
                        "{\"text\":{\"ko\":\"원인 분석\",\"en\":\"What happened\"}}", null),
                route(Set.of("DELETE"), "/api/v1/admin/incidents/:id/postmortem", true, s -> List.of(
                        "/api/v1/admin/incidents/no-such/postmortem"), null, null),
                route(Set.of("GET"), "/api/v1/admin/subscribers", true, s -> List.of("/api/v1/admin/subscribers"), null, null),
                route(Set.of("GET"), "/api/v1/admin/subscribers.csv", true, s -> List.of("/api/v1/admin/subscribers.csv"), null, null),
                route(Set.of("GET"), "/api/v1/admin/subscribers/:id", true, s -> List.of("/api/v1/admin/subscribers/" + s.subscriberId(),
                        "/api/v1/admin/subscribers/no-such"), null, null),
                route(Set.of("DELETE"), "/api/v1/admin/subscribers", true, s -> List.of("/api/v1/admin/subscribers?address=nobody@example.com"),
                        null, null),
                route(Set.of("DELETE"), "/api/v1/admin/subscribers/:id", true, s -> List.of("/api/v1/admin/subscribers/no-such"), null, null),
                route(Set.of("POST"), "/api/v1/admin/reload", true, s -> List.of("/api/v1/admin/reload"), "{}", null),
                route(Set.of("GET"), "/api/v1/admin/config", true, s -> List.of("/api/v1/admin/config"), null, null),
                route(Set.of("GET"), "/api/v1/admin/assignments", true, s -> List.of("/api/v1/admin/assignments"), null,
                        "cluster servers only (bongsu server); fuzzed here against its 404 in bongsu run"));
    }

    /** A page or public API answer, served for GET and HEAD. */
    private static Route page(String path, Function<FuzzSystem, List<String>> samples) {
        return new Route(GET, path, false, samples, null, null);
    }

    private static Route route(Set<String> methods, String path, boolean admin, Function<FuzzSystem, List<String>> samples,
                               String body, String only) {
        return new Route(methods, path, admin, samples, body, only);
    }
}
