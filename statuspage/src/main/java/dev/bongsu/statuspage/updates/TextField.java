package dev.bongsu.statuspage.updates;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.text.TextRules;
import dev.bongsu.statuspage.api.BadParameter;
import io.vertx.core.json.JsonObject;

/**
 * A text in both languages from an admin request, {@code {"ko":…,"en":…}}, checked at the door: non-empty, at most a
 * given length per language, only characters XML allows and no bidirectional controls ({@link TextRules}). Every
 * refusal is a {@link BadParameter} naming the field.
 */
public final class TextField {
    private TextField() {
    }

    /** The text in {@code v}, the value of field {@code field}; stripped of surrounding blanks. */
    public static LocalizedText read(Object v, String field, int max) {
        if (!(v instanceof JsonObject text)) {
            throw new BadParameter(field + ": expected an object {\"ko\":\"…\",\"en\":\"…\"}");
        }
        return new LocalizedText(one(text, field, "ko", max), one(text, field, "en", max));
    }

    private static String one(JsonObject text, String field, String lang, int max) {
        Object v = text.getValue(lang);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new BadParameter(field + "." + lang + ": expected a non-empty string");
        }
        if (s.length() > max) {
            throw new BadParameter(field + "." + lang + ": expected at most " + max + " characters, found " + s.length());
        }
        TextRules.problem(s).ifPresent(p -> {
            throw new BadParameter(field + "." + lang + ": " + p);
        });
        return s.strip();
    }
}
