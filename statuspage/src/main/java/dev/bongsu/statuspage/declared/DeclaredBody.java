package dev.bongsu.statuspage.declared;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.updates.TextField;
import dev.bongsu.statuspage.updates.UpdateStatus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The bodies of the operator-incident admin requests, checked at the door; every refusal is a {@link BadParameter}
 * naming the field.
 *
 * @param title    the title, {@code null} when left out of a change
 * @param services configured service ids, {@code null} when left out of a change
 * @param impact   the impact, {@code null} when left out of a change
 * @param text     the operator's words (the first team update, or the one that resolves it), {@code null} when none
 * @param status   the status of that first update
 */
record DeclaredBody(LocalizedText title, List<String> services, DeclaredImpact impact, LocalizedText text, UpdateStatus status) {
    /** The longest title per language. */
    static final int MAX_TITLE = 200;
    /** The longest text per language (as a team update). */
    static final int MAX_TEXT = 4000;
    /** The longest postmortem per language. */
    static final int MAX_POSTMORTEM = 20_000;
    /** The most services one declared incident names. */
    static final int MAX_SERVICES = 200;
    private static final String IMPACTS = "degraded, partial_outage, major_outage";

    /** {@code POST /api/v1/admin/incidents}: title, services, impact (or severity) and text are required. */
    static DeclaredBody open(RequestBody body, BongsuConfig cfg) {
        JsonObject o = object(body, "{\"title\":{\"ko\":…,\"en\":…},\"services\":[…],\"impact\":\"major_outage\",\"text\":{\"ko\":…,\"en\":…}}");
        for (String k : List.of("title", "services", "text")) {
            if (!o.containsKey(k)) {
                throw new BadParameter(k + ": required");
            }
        }
        if (!o.containsKey("impact") && !o.containsKey("severity")) {
            throw new BadParameter("impact: required, one of " + IMPACTS + " (or severity: critical or warning)");
        }
        UpdateStatus status = UpdateStatus.INVESTIGATING;
        if (o.containsKey("status")) {
            status = o.getValue("status") instanceof String s ? UpdateStatus.parse(s).filter(u -> u != UpdateStatus.RESOLVED).orElse(null) : null;
            if (status == null) {
                throw new BadParameter("status: expected one of investigating, identified, monitoring");
            }
        }
        return new DeclaredBody(TextField.read(o.getValue("title"), "title", MAX_TITLE), services(o.getValue("services"), cfg),
                impact(o), TextField.read(o.getValue("text"), "text", MAX_TEXT), status);
    }

    /** {@code PATCH /api/v1/admin/incidents/:id}: any of title, services, impact (or severity), at least one. */
    static DeclaredBody change(RequestBody body, BongsuConfig cfg) {
        JsonObject o = object(body, "{\"title\":{…},\"services\":[…],\"impact\":\"…\"} with at least one of them");
        for (String k : o.fieldNames()) {
            if (!List.of("title", "services", "impact", "severity").contains(k)) {
                throw new BadParameter(k + ": unknown field; expected title, services, impact or severity (texts go to …/updates)");
            }
        }
        if (o.isEmpty()) {
            throw new BadParameter("body: expected at least one of title, services, impact");
        }
        return new DeclaredBody(o.containsKey("title") ? TextField.read(o.getValue("title"), "title", MAX_TITLE) : null,
                o.containsKey("services") ? services(o.getValue("services"), cfg) : null,
                o.containsKey("impact") || o.containsKey("severity") ? impact(o) : null, null, null);
    }

    /** {@code POST …/:id/resolve}: an optional text; an empty body is allowed. */
    static DeclaredBody resolve(RequestBody body) {
        if (body == null || body.buffer() == null || body.length() == 0) {
            return new DeclaredBody(null, null, null, null, UpdateStatus.RESOLVED);
        }
        JsonObject o = object(body, "{\"text\":{\"ko\":…,\"en\":…}} or no body");
        return new DeclaredBody(null, null, null, o.containsKey("text") ? TextField.read(o.getValue("text"), "text", MAX_TEXT) : null,
                UpdateStatus.RESOLVED);
    }

    /** {@code PUT …/:id/postmortem}: the text, required. */
    static LocalizedText postmortem(RequestBody body) {
        JsonObject o = object(body, "{\"text\":{\"ko\":\"…\",\"en\":\"…\"}}");
        if (!o.containsKey("text")) {
            throw new BadParameter("text: required");
        }
        return TextField.read(o.getValue("text"), "text", MAX_POSTMORTEM);
    }

    private static JsonObject object(RequestBody body, String shape) {
        try {
            JsonObject o = body == null || body.buffer() == null || body.length() == 0 ? null : body.asJsonObject();
            if (o == null) {
                throw new BadParameter("body: expected a JSON object like " + shape);
            }
            return o;
        } catch (DecodeException | ClassCastException e) {
            throw new BadParameter("body: expected a JSON object like " + shape);
        }
    }

    private static List<String> services(Object v, BongsuConfig cfg) {
        if (!(v instanceof JsonArray a) || a.isEmpty()) {
            throw new BadParameter("services: expected a non-empty list of configured service ids");
        }
        if (a.size() > MAX_SERVICES) {
            throw new BadParameter("services: expected at most " + MAX_SERVICES + " ids, found " + a.size());
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int k = 0; k < a.size(); k++) {
            Object id = a.getValue(k);
            if (!(id instanceof String s) || cfg.service(s).isEmpty()) {
                throw new BadParameter("services[" + k + "]: expected a configured service id (see /api/v1/services)");
            }
            out.add(s);
        }
        return new ArrayList<>(out);
    }

    private static DeclaredImpact impact(JsonObject o) {
        if (o.containsKey("impact")) {
            Object v = o.getValue("impact");
            return (v instanceof String s ? DeclaredImpact.parse(s) : java.util.Optional.<DeclaredImpact>empty())
                    .orElseThrow(() -> new BadParameter("impact: expected one of " + IMPACTS));
        }
        Object v = o.getValue("severity");
        if ("critical".equals(v)) {
            return DeclaredImpact.of(Severity.CRITICAL);
        }
        if ("warning".equals(v)) {
            return DeclaredImpact.of(Severity.WARNING);
        }
        throw new BadParameter("severity: expected critical or warning (or give impact: " + IMPACTS + ")");
    }
}
