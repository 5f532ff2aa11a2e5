package dev.bongsu.app.reload;

import dev.bongsu.model.config.diff.ConfigDiff;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What one reload did: applied (possibly nothing to change), refused (an invalid file or a change that needs a
 * restart) or failed in a part (and rolled back). Every outcome but {@link Applied} leaves the running configuration
 * as it was.
 */
public sealed interface ReloadOutcome {
    /** The HTTP status the admin API answers with. */
    int httpStatus();

    /** One line for the log and the command line. */
    String summary();

    /** The admin API's answer. */
    JsonObject toJson();

    /** The new configuration runs; {@code diff} says what changed (empty: the file had no change). */
    record Applied(LoadedConfig before, LoadedConfig after, ConfigDiff diff) implements ReloadOutcome {
        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public String summary() {
            if (diff.isEmpty()) {
                return "configuration " + after.hash() + " unchanged (" + after.file() + ")";
            }
            StringBuilder sb = new StringBuilder("configuration " + before.hash() + " -> " + after.hash() + " from " + after.file() + ":");
            diff.counts().forEach((kind, n) -> sb.append(' ').append(kind).append(" +").append(n.get("added")).append(" -")
                    .append(n.get("removed")).append(" ~").append(n.get("changed")).append(';'));
            sb.setLength(sb.length() - 1);
            return sb.toString();
        }

        @Override
        public JsonObject toJson() {
            JsonObject counts = new JsonObject();
            diff.counts().forEach((kind, n) -> counts.put(kind, new JsonObject(new java.util.LinkedHashMap<>(n))));
            return new JsonObject().put("status", diff.isEmpty() ? "unchanged" : "reloaded")
                    .put("hash", after.hash()).put("previousHash", before.hash())
                    .put("file", String.valueOf(after.file())).put("loadedAt", after.loadedAt().toString())
                    .put("changes", counts).put("lines", new JsonArray(diff.lines()));
        }
    }

    /** The file is invalid; {@code message} names file:line and key. */
    record Invalid(String message) implements ReloadOutcome {
        @Override
        public int httpStatus() {
            return 400;
        }

        @Override
        public String summary() {
            return "invalid configuration, nothing changed: " + message;
        }

        @Override
        public JsonObject toJson() {
            return error(400, message);
        }
    }

    /** The file changes a setting only a restart takes; {@code message} reads {@code needs a restart: …}. */
    record NeedsRestart(String message, ConfigDiff diff) implements ReloadOutcome {
        @Override
        public int httpStatus() {
            return 409;
        }

        @Override
        public String summary() {
            return "refused, nothing changed: " + message;
        }

        @Override
        public JsonObject toJson() {
            return error(409, message).put("lines", new JsonArray(diff.lines()));
        }
    }

    /** A part could not take the new configuration; the parts it had reached were put back on the old one. */
    record Failed(String message) implements ReloadOutcome {
        @Override
        public int httpStatus() {
            return 500;
        }

        @Override
        public String summary() {
            return "failed, still running the previous configuration: " + message;
        }

        @Override
        public JsonObject toJson() {
            return error(500, message);
        }
    }

    /** The shape of every admin API error ({@code ApiErrors}). */
    private static JsonObject error(int status, String message) {
        return new JsonObject().put("error", new JsonObject().put("status", status).put("message", message));
    }
}
