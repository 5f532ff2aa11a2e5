package dev.bongsu.model.config.diff;

import java.util.Objects;

/**
 * One thing a reload would change, printed as one line: {@code + service naverpay (2 checks)},
 * {@code ~ check kakaotalk.http: url changed}, {@code - receiver oldslack}, {@code ~ statusPage: title changed}.
 *
 * @param kind   what kind of thing changes
 * @param op     added, removed or changed
 * @param id     its id (service id, check id, receiver name, route number, setting section)
 * @param detail what changed, or a short description of what is added or removed; {@code null} for none
 */
public record Change(Kind kind, Op op, String id, String detail) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(id, "id");
    }

    /** Whether something is added, removed or changed. */
    public enum Op {
        /** New in the next configuration. */
        ADDED("+"),
        /** Gone from the next configuration. */
        REMOVED("-"),
        /** In both, different. */
        CHANGED("~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The line's first character. */
        public String symbol() {
            return symbol;
        }
    }

    /** What kind of thing changes; {@link #word()} is how a line names it. */
    public enum Kind {
        /** A service. */
        SERVICE("service"),
        /** A check. */
        CHECK("check"),
        /** A vantage. */
        VANTAGE("vantage"),
        /** A notification receiver. */
        RECEIVER("receiver"),
        /** A notification route, by its 1-based position. */
        ROUTE("route"),
        /** A maintenance window written in the file. */
        MAINTENANCE("maintenance"),
        /** A section of settings ({@code statusPage}, {@code detector}, {@code alerting}, …). */
        SETTINGS("");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word a line uses, empty for settings. */
        public String word() {
            return word;
        }

        /** The name used in JSON summaries: {@code services}, {@code checks}, … */
        public String plural() {
            return switch (this) {
                case SETTINGS -> "settings";
                case MAINTENANCE -> "maintenance";
                default -> word + "s";
            };
        }
    }

    /** The line {@code bongsu check-config --diff} prints. */
    public String line() {
        String name = kind.word().isEmpty() ? id : kind.word() + " " + id;
        if (detail == null || detail.isEmpty()) {
            return op.symbol() + " " + name;
        }
        return op.symbol() + " " + name + (op == Op.CHANGED ? ": " : " ") + detail;
    }
}
