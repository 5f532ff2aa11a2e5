package dev.bongsu.alerting.outbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The outbox's figures and rows as the admin API shows them. */
final class OutboxReport {
    private OutboxReport() {
    }

    /** Totals over every receiver, this node's delivery state, and the counts by receiver and status. */
    static JsonObject status(JsonObject byReceiver, String nodeId, boolean paused, long deadSinceStart) {
        long pending = 0;
        long dead = 0;
        long sent = 0;
        long suppressed = 0;
        for (String r : byReceiver.fieldNames()) {
            JsonObject o = byReceiver.getJsonObject(r);
            pending += o.getLong(OutboxStore.PENDING, 0L);
            dead += o.getLong(OutboxStore.DEAD, 0L);
            sent += o.getLong(OutboxStore.SENT, 0L);
            suppressed += o.getLong(OutboxStore.SUPPRESSED, 0L);
        }
        return new JsonObject()
                .put("node", nodeId)
                .put("paused", paused)
                .put("pending", pending)
                .put("sent", sent)
                .put("dead", dead)
                .put("suppressed", suppressed)
                .put("deadSinceStart", deadSinceStart)
                .put("receivers", byReceiver);
    }

    /** One JSON object per row, in the given order. */
    static JsonArray rows(List<OutboxRow> rows) {
        JsonArray out = new JsonArray();
        for (OutboxRow r : rows) {
            out.add(new JsonObject()
                    .put("id", r.id())
                    .put("receiver", r.receiver())
                    .put("incidentId", r.incidentId())
                    .put("transitionKey", r.key())
                    .put("event", r.event())
                    .put("status", r.status())
                    .put("attempts", r.attempts())
                    .put("createdAt", r.createdAt().toString())
                    .put("nextAttemptAt", r.nextAttemptAt().toString())
                    .put("reason", r.reason()));
        }
        return out;
    }
}
