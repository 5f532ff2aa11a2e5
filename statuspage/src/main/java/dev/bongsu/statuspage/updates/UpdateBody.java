package dev.bongsu.statuspage.updates;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.statuspage.api.BadParameter;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;

/**
 * The body of an update request, {@code {"status":…, "text":{"ko":…,"en":…}}}, checked at the door: a known status,
 * non-empty texts of at most {@link #MAX_TEXT} characters holding only characters XML allows and no bidirectional
 * controls. Every refusal is a {@link BadParameter} naming the field.
 *
 * @param status the status, {@code null} when left out of a partial edit
 * @param text   the text, {@code null} when left out of a partial edit
 */
record UpdateBody(UpdateStatus status, LocalizedText text) {
    /** The longest text of one update, per language. */
    static final int MAX_TEXT = 4000;
    private static final String SHAPE = "body: expected a JSON object like {\"status\":\"investigating\",\"text\":{\"ko\":\"…\",\"en\":\"…\"}}";

    /** Reads a body; with {@code partial} (PATCH) either field may be left out, but not both. */
    static UpdateBody read(RequestBody body, boolean partial) {
        JsonObject o;
        try {
            o = body == null || body.buffer() == null || body.length() == 0 ? null : body.asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw new BadParameter(SHAPE);
        }
        if (o == null) {
            throw new BadParameter(SHAPE);
        }
        boolean hasStatus = o.containsKey("status");
        boolean hasText = o.containsKey("text");
        if (!partial || (!hasStatus && !hasText)) {
            if (!hasStatus) {
                throw new BadParameter("status: expected one of investigating, identified, monitoring, resolved");
            }
            if (!hasText) {
                throw new BadParameter("text: expected an object {\"ko\":\"…\",\"en\":\"…\"}");
            }
        }
        return new UpdateBody(hasStatus ? status(o.getValue("status")) : null, hasText ? text(o.getValue("text")) : null);
    }

    private static UpdateStatus status(Object v) {
        if (!(v instanceof String s) || UpdateStatus.parse(s).isEmpty()) {
            throw new BadParameter("status: expected one of investigating, identified, monitoring, resolved");
        }
        return UpdateStatus.parse(s).orElseThrow();
    }

    private static LocalizedText text(Object v) {
        return TextField.read(v, "text", MAX_TEXT);
    }
}
