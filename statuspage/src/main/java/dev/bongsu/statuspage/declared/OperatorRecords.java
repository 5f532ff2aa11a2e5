package dev.bongsu.statuspage.declared;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.TransitionType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Declared incidents and postmortems as shared records ({@link dev.bongsu.model.replica.SharedRecords}): JSON with
 * an {@code id}, a {@code version} and times in epoch ms. The same JSON is what the store keeps on disk.
 */
final class OperatorRecords {
    private OperatorRecords() {
    }

    static JsonObject toJson(DeclaredIncident d) {
        JsonArray changes = new JsonArray();
        for (DeclaredIncident.Change c : d.changes()) {
            changes.add(new JsonObject().put("at", c.at().toEpochMilli()).put("type", c.type().wireName())
                    .put("services", new JsonArray(c.services())).put("impact", c.impact().wireName()));
        }
        return new JsonObject().put("id", d.id()).put("version", d.version()).put("deleted", false)
                .put("title", text(d.title())).put("services", new JsonArray(d.services())).put("impact", d.impact().wireName())
                .put("startedAt", d.startedAt().toEpochMilli()).put("updatedAt", d.updatedAt().toEpochMilli())
                .put("resolvedAt", d.resolvedAt() == null ? null : d.resolvedAt().toEpochMilli()).put("changes", changes);
    }

    /** The declared incident in a record; throws {@link IllegalArgumentException} naming what is wrong. */
    static DeclaredIncident declared(JsonObject o) {
        try {
            List<DeclaredIncident.Change> changes = new ArrayList<>();
            for (Object x : o.getJsonArray("changes")) {
                JsonObject c = (JsonObject) x;
                changes.add(new DeclaredIncident.Change(Instant.ofEpochMilli(c.getLong("at")), transition(c.getString("type")),
                        strings(c.getJsonArray("services")), impact(c.getString("impact"))));
            }
            Long resolved = o.getLong("resolvedAt");
            return new DeclaredIncident(o.getString("id"), o.getLong("version"), text(o.getJsonObject("title")),
                    strings(o.getJsonArray("services")), impact(o.getString("impact")), Instant.ofEpochMilli(o.getLong("startedAt")),
                    Instant.ofEpochMilli(o.getLong("updatedAt")), resolved == null ? null : Instant.ofEpochMilli(resolved), changes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a declared incident record: " + e.getMessage(), e);
        }
    }

    static JsonObject toJson(Postmortem p) {
        return new JsonObject().put("id", p.incidentId()).put("version", p.version()).put("deleted", p.deleted())
                .put("text", text(p.text())).put("at", p.at().toEpochMilli())
                .put("editedAt", p.editedAt() == null ? null : p.editedAt().toEpochMilli());
    }

    /** The postmortem in a record; throws {@link IllegalArgumentException} naming what is wrong. */
    static Postmortem postmortem(JsonObject o) {
        try {
            Long edited = o.getLong("editedAt");
            return new Postmortem(o.getString("id"), o.getLong("version"), text(o.getJsonObject("text")),
                    Instant.ofEpochMilli(o.getLong("at")), edited == null ? null : Instant.ofEpochMilli(edited), o.getBoolean("deleted", false));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a postmortem record: " + e.getMessage(), e);
        }
    }

    private static JsonObject text(LocalizedText t) {
        return new JsonObject().put("ko", t.ko()).put("en", t.en());
    }

    private static LocalizedText text(JsonObject o) {
        return new LocalizedText(o.getString("ko"), o.getString("en"));
    }

    private static List<String> strings(JsonArray a) {
        return a.stream().map(String.class::cast).toList();
    }

    private static DeclaredImpact impact(String s) {
        return DeclaredImpact.parse(s).orElseThrow(() -> new IllegalArgumentException("impact '" + s + "'"));
    }

    private static TransitionType transition(String s) {
        for (TransitionType t : TransitionType.values()) {
            if (t.wireName().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("type '" + s + "'");
    }
}
