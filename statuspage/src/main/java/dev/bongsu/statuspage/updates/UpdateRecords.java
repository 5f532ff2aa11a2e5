package dev.bongsu.statuspage.updates;

import dev.bongsu.model.LocalizedText;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An update as a shared record ({@link dev.bongsu.model.replica.SharedRecords}): JSON with times in epoch ms. */
final class UpdateRecords {
    private UpdateRecords() {
    }

    static JsonObject toJson(IncidentUpdate u) {
        return new JsonObject().put("id", u.id()).put("version", u.version()).put("deleted", u.deleted())
                .put("incidentId", u.incidentId()).put("status", u.status().wireName())
                .put("text", new JsonObject().put("ko", u.text().ko()).put("en", u.text().en()))
                .put("at", u.at().toEpochMilli()).put("editedAt", u.editedAt() == null ? null : u.editedAt().toEpochMilli());
    }

    /** The update in a record; throws {@link IllegalArgumentException} naming what is missing or wrong. */
    static IncidentUpdate fromJson(JsonObject o) {
        try {
            JsonObject text = o.getJsonObject("text");
            Long edited = o.getLong("editedAt");
            return new IncidentUpdate(o.getString("id"), o.getString("incidentId"),
                    UpdateStatus.parse(o.getString("status")).orElseThrow(() -> new IllegalArgumentException("status")),
                    new LocalizedText(text.getString("ko"), text.getString("en")), Instant.ofEpochMilli(o.getLong("at")),
                    edited == null ? null : Instant.ofEpochMilli(edited), o.getLong("version", 1L), o.getBoolean("deleted", false));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an update record: " + e.getMessage(), e);
        }
    }
}
