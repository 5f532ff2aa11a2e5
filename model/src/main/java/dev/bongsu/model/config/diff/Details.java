package dev.bongsu.model.config.diff;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Words for what changed: {@code url changed, interval changed 30s -> 10s}; values only for names known to be safe. */
final class Details {
    private Details() {
    }

    /**
     * One phrase per changed component, joined by commas; {@code shown} names the components whose old and new
     * values may be printed (never a secret), read from the records with {@link RecordFields#value}.
     */
    static String of(List<String> names, Record before, Record after, Set<String> shown) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            if (shown.contains(name)) {
                parts.add(name + " changed " + text(RecordFields.value(before, name)) + " -> " + text(RecordFields.value(after, name)));
            } else {
                parts.add(name + " changed");
            }
        }
        return String.join(", ", parts);
    }

    /** A value as a person writes it in the file. */
    static String text(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof LocalizedText t) {
            return t.ko().equals(t.en()) ? t.en() : t.ko() + " / " + t.en();
        }
        if (value instanceof Duration d) {
            return Durations.format(d);
        }
        return String.valueOf(value);
    }

    /** {@code 1 check} or {@code 3 checks}. */
    static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
