package dev.bongsu.statuspage.vantagemap;

import java.util.List;
import java.util.Locale;

/**
 * What the pattern of failing and working vantages says about where a failure lies.
 *
 * @param kind    the rule that matched
 * @param failing the vantages that saw failures, in map order
 * @param working the vantages that saw it work, in map order
 * @param network the one network all failing vantages share, when the rule names it; else {@code null}
 * @param country the one country all failing vantages are in, when the rule names it; else {@code null}
 */
public record OutageVerdict(Kind kind, List<OutageMapRow> failing, List<OutageMapRow> working, String network, String country) {
    /** The rules, from "cannot tell" to the most specific. */
    public enum Kind {
        /** No vantage measured anything. */
        NO_DATA,
        /** Only one vantage measured: a single place cannot tell the service from its network. */
        ONE_VANTAGE,
        /** Every vantage that measured sees it work. */
        WORKS_EVERYWHERE,
        /** Every vantage that measured sees failures: the service itself. */
        FAILS_EVERYWHERE,
        /** Only vantages of one network fail while another network in the same country works. */
        NETWORK,
        /** Vantages of several networks in one country fail, every vantage abroad works. */
        COUNTRY,
        /** The failing vantages share one network and one country, and nothing else there was measured. */
        NETWORK_OR_COUNTRY,
        /** Some fail, some work, and no single network or country explains it. */
        MIXED;

        /** The name in JSON: lower case with underscores. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OutageVerdict {
        failing = List.copyOf(failing);
        working = List.copyOf(working);
    }
}
