package dev.bongsu.statuspage.render;

import java.util.Locale;
import java.util.Optional;

/** The two languages of the site. */
public enum Lang {
    KO, EN;

    /** The language tag, {@code ko} or {@code en}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The other language, for the switch link. */
    public Lang other() {
        return this == KO ? EN : KO;
    }

    /** The language named by a {@code ?lang=} value, if it is one of ours. */
    public static Optional<Lang> ofTag(String tag) {
        if ("ko".equals(tag)) {
            return Optional.of(KO);
        }
        if ("en".equals(tag)) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /**
     * The best language for an Accept-Language header: the highest-weighted of ko and en; Korean without a header,
     * English when it names neither. Malformed pieces ({@code ;}, {@code ,;}, a bad weight) are ignored.
     */
    public static Lang fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return KO;
        }
        Lang best = null;
        double bestQ = -1;
        for (String part : header.split(",")) {
            // limit -1 keeps empty pieces, so that ";" or ",;" is an empty tag to skip rather than no pieces at all
            String[] p = part.trim().split(";", -1);
            String tag = p[0].trim().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                String s = p[i].trim();
                if (s.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(s.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Lang l = tag.startsWith("ko") ? KO : tag.startsWith("en") ? EN : null;
            if (l != null && q > bestQ) {
                best = l;
                bestQ = q;
            }
        }
        return best == null ? EN : best;
    }
}
