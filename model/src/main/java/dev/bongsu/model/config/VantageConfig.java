package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place probes run from.
 *
 * @param name        its name, e.g. {@code seoul-kt}
 * @param region      where it is, e.g. {@code kr-seoul}, or {@code null}
 * @param displayName what the status page calls it ("KT 서울" / "KT Seoul"), or {@code null} for its name
 * @param country     ISO 3166 alpha-2 code in upper case ({@code KR}, {@code JP}), or {@code null} when unknown
 * @param network     the network it sits in, as people know it ("KT", "SKB", "LG U+", "AWS Tokyo"), or {@code null}
 * @param isPublic    whether the status page may name it and show what it measured ({@code public: true})
 */
public record VantageConfig(String name, String region, LocalizedText displayName, String country, String network,
                            boolean isPublic) {
    private static final Pattern REGION_COUNTRY = Pattern.compile("([A-Za-z]{2})(-.*)?");

    public VantageConfig {
        Objects.requireNonNull(name, "name");
    }

    /** A private vantage known only by name and region; its country comes from the region's prefix. */
    public VantageConfig(String name, String region) {
        this(name, region, null, countryOf(region), null, false);
    }

    /** The display name, or the name in both languages when none is configured. */
    public LocalizedText label() {
        return displayName != null ? displayName : new LocalizedText(name, name);
    }

    /**
     * The country a region names by its two-letter prefix ({@code kr-seoul} → {@code KR}, {@code jp} → {@code JP}),
     * or {@code null} when it has none.
     */
    public static String countryOf(String region) {
        if (region == null) {
            return null;
        }
        var m = REGION_COUNTRY.matcher(region);
        return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }
}
