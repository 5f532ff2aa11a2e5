package dev.bongsu.probes.heartbeat;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One accepted call to the push endpoint, as it travels on the event bus ({@code Addresses.HEARTBEAT_PUSHES}) to the
 * heartbeat tracker of every server.
 *
 * @param checkId the heartbeat check pushed
 * @param up      whether the job said it is up
 * @param message the job's words, already sanitized, or {@code null}
 */
public record HeartbeatPush(String checkId, boolean up, String message) {
    public HeartbeatPush {
        Objects.requireNonNull(checkId, "checkId");
    }

    /** The event-bus form: {@code {"check":…,"status":"up"|"down","msg":…}}. */
    public JsonObject toJson() {
        return new JsonObject().put("check", checkId).put("status", up ? "up" : "down").put("msg", message);
    }

    /** Reads the event-bus form; throws {@link IllegalArgumentException} when it is not one. */
    public static HeartbeatPush fromJson(JsonObject json) {
        Object check = json.getValue("check");
        Object status = json.getValue("status");
        Object msg = json.getValue("msg");
        if (!(check instanceof String id) || !("up".equals(status) || "down".equals(status))
                || (msg != null && !(msg instanceof String))) {
            throw new IllegalArgumentException("not a heartbeat push: " + json.encode());
        }
        return new HeartbeatPush(id, "up".equals(status), (String) msg);
    }
}
