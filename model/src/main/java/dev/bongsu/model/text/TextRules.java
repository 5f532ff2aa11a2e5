package dev.bongsu.model.text;

import java.util.Locale;
import java.util.Optional;

/**
 * Which characters a text shown to people may hold: only characters XML 1.0 allows (so a feed or page made of it stays
 * well-formed), and no bidirectional override or isolate controls (which can make a text read differently from what
 * it holds). Used where texts are accepted: the config loader and the admin API. (Rendering leaves out what XML
 * does not allow on its own, for texts stored before these checks.)
 */
public final class TextRules {
    private TextRules() {
    }

    /**
     * What is wrong with {@code text}, e.g. {@code "contains U+FFFF at character 12, which XML does not allow"}, or
     * empty when every character is allowed.
     */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (isBidiControl(cp)) {
                return Optional.of("contains " + codeOf(cp) + " at character " + (i + 1)
                        + ", a bidirectional override or isolate control, which is not allowed");
            }
            if (!isXmlChar(cp)) {
                return Optional.of("contains " + codeOf(cp) + " at character " + (i + 1) + ", which XML does not allow");
            }
            i += n;
        }
        return Optional.empty();
    }

    /** Whether XML 1.0 allows this code point (a lone surrogate, as {@link String#codePointAt} returns it, is not). */
    public static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Whether the code point is a bidirectional embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069). */
    public static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String codeOf(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
