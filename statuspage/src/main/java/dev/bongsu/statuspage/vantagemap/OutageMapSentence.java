package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The verdict of an outage map in one plain sentence: which rule the failing and working vantages match (general over
 * networks and countries), and its words in Korean and English from {@link Texts}.
 */
public final class OutageMapSentence {
    private static final Set<String> ISO_COUNTRIES = new HashSet<>(Arrays.asList(Locale.getISOCountries()));

    private OutageMapSentence() {
    }

    /** The verdict of the rows; vantages without data are left out of it. */
    public static OutageVerdict verdict(List<OutageMapRow> rows) {
        List<OutageMapRow> measured = rows.stream().filter(r -> r.state() != VantageState.NO_DATA).toList();
        List<OutageMapRow> failing = measured.stream().filter(r -> r.state().seesFailures()).toList();
        List<OutageMapRow> working = measured.stream().filter(r -> !r.state().seesFailures()).toList();
        if (measured.isEmpty()) {
            return new OutageVerdict(OutageVerdict.Kind.NO_DATA, failing, working, null, null);
        }
        if (measured.size() == 1) {
            return new OutageVerdict(OutageVerdict.Kind.ONE_VANTAGE, failing, working, null, null);
        }
        if (failing.isEmpty()) {
            return new OutageVerdict(OutageVerdict.Kind.WORKS_EVERYWHERE, failing, working, null, null);
        }
        if (working.isEmpty()) {
            return new OutageVerdict(OutageVerdict.Kind.FAILS_EVERYWHERE, failing, working, null, null);
        }
        String network = shared(failing, OutageMapRow::network);
        String country = shared(failing, OutageMapRow::country);
        if (network != null && oneNetworkFails(network, failing, working)) {
            return new OutageVerdict(OutageVerdict.Kind.NETWORK, failing, working, network, null);
        }
        boolean abroadOnlyWorks = country != null && working.stream().allMatch(w -> w.country() != null && !w.country().equals(country));
        if (abroadOnlyWorks) {
            long networks = failing.stream().map(OutageMapRow::network).filter(Objects::nonNull).distinct().count();
            OutageVerdict.Kind kind = networks >= 2 ? OutageVerdict.Kind.COUNTRY : OutageVerdict.Kind.NETWORK_OR_COUNTRY;
            return new OutageVerdict(kind, failing, working, kind == OutageVerdict.Kind.COUNTRY ? null : network, country);
        }
        return new OutageVerdict(OutageVerdict.Kind.MIXED, failing, working, null, null);
    }

    /**
     * Whether it is one network's problem: no vantage of that network works, and a vantage of another network works
     * in a country where one fails (so the comparison is like for like, not home against abroad).
     */
    private static boolean oneNetworkFails(String network, List<OutageMapRow> failing, List<OutageMapRow> working) {
        if (working.stream().anyMatch(w -> network.equals(w.network()))) {
            return false;
        }
        Set<String> failingCountries = new HashSet<>();
        failing.forEach(f -> failingCountries.add(f.country()));
        return working.stream().anyMatch(w -> w.network() != null && w.country() != null && failingCountries.contains(w.country()));
    }

    /** The value every row has, or {@code null} when one lacks it or two differ. */
    private static String shared(List<OutageMapRow> rows, Function<OutageMapRow, String> value) {
        String first = value.apply(rows.get(0));
        return first != null && rows.stream().allMatch(r -> first.equals(value.apply(r))) ? first : null;
    }

    /** The sentence for the rows in a language. */
    public static String text(List<OutageMapRow> rows, Lang lang) {
        return text(verdict(rows), lang);
    }

    /** The sentence of a verdict in a language. */
    public static String text(OutageVerdict v, Lang lang) {
        String failing = names(v.failing(), lang);
        String working = names(v.working(), lang);
        return switch (v.kind()) {
            case NO_DATA -> Texts.t(lang, "vmap.v.no_data");
            case ONE_VANTAGE -> v.failing().isEmpty() ? Texts.t(lang, "vmap.v.one.works", working)
                    : Texts.t(lang, "vmap.v.one.fails", failing);
            case WORKS_EVERYWHERE -> Texts.t(lang, "vmap.v.works_everywhere", working);
            case FAILS_EVERYWHERE -> Texts.t(lang, "vmap.v.fails_everywhere", failing);
            case NETWORK -> Texts.t(lang, "vmap.v.network", failing, working, v.network());
            case COUNTRY -> Texts.t(lang, "vmap.v.country", failing, working, country(v.country(), lang));
            case NETWORK_OR_COUNTRY -> v.network() != null
                    ? Texts.t(lang, "vmap.v.network_or_country", failing, working, v.network(), country(v.country(), lang))
                    : Texts.t(lang, "vmap.v.place_or_country", failing, working, country(v.country(), lang));
            case MIXED -> Texts.t(lang, "vmap.v.mixed", failing, working);
        };
    }

    /** A country's name in the language ("대한민국", "South Korea"); a code the JDK does not know stays a code. */
    static String country(String code, Lang lang) {
        if (code == null || !ISO_COUNTRIES.contains(code)) {
            return code;
        }
        return new Locale("", code).getDisplayCountry(lang == Lang.KO ? Locale.KOREAN : Locale.ENGLISH);
    }

    private static String names(List<OutageMapRow> rows, Lang lang) {
        return String.join(", ", rows.stream().map(r -> r.name().in(lang.tag())).toList());
    }
}
