package dev.bongsu.model.scenario;

import dev.bongsu.model.config.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * What goes wrong in a scenario step: a service-side fault (how a service answers) or a probe-side fault (what
 * happens to the probers of some vantages).
 */
public sealed interface Fault permits Fault.Refuse, Fault.Hang, Fault.ServerError, Fault.Slow, Fault.Flap,
        Fault.Silent, Fault.Overload, Fault.Exhausted {
    /** Refuse connections. */
    Fault REFUSE = new Refuse();
    /** Accept connections and never answer. */
    Fault HANG = new Hang();
    /** The prober reports nothing. */
    Fault SILENT = new Silent();
    /** The probe node cannot open sockets: every probe fails on the probing host ({@code local_resource}). */
    Fault EXHAUSTED = new Exhausted();

    /** The word a scenario file uses for this fault. */
    String keyword();

    /** A verb phrase such as {@code refuse connections}; {@code singular} for a sentence about one subject. */
    String describe(boolean singular);

    /** Whether the fault is on the monitor's side (its probers), not on the services' side. */
    default boolean probeSide() {
        return false;
    }

    /** This fault with its own timing (a flap's phases) multiplied by {@code factor}. */
    default Fault scaled(double factor) {
        return this;
    }

    /** The listening socket is closed, so connects are refused at once. */
    record Refuse() implements Fault {
        @Override
        public String keyword() {
            return "refuse";
        }

        @Override
        public String describe(boolean singular) {
            return singular ? "refuses connections" : "refuse connections";
        }
    }

    /** Connections are accepted and requests read, but never answered: probes fail at their timeout. */
    record Hang() implements Fault {
        @Override
        public String keyword() {
            return "hang";
        }

        @Override
        public String describe(boolean singular) {
            return singular ? "accepts connections and never answers" : "accept connections and never answer";
        }
    }

    /**
     * Every health request is answered with a server error.
     *
     * @param status the status, 500 to 599
     */
    record ServerError(int status) implements Fault {
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error status is 500 to 599, not " + status);
            }
        }

        @Override
        public String keyword() {
            return "error";
        }

        @Override
        public String describe(boolean singular) {
            return (singular ? "answers " : "answer ") + status;
        }
    }

    /**
     * Every answer comes {@code delay} later than usual.
     *
     * @param delay the added delay
     */
    record Slow(Duration delay) implements Fault {
        public Slow {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("a slow fault needs a positive delay");
            }
        }

        @Override
        public String keyword() {
            return "slow";
        }

        @Override
        public String describe(boolean singular) {
            return (singular ? "answers " : "answer ") + Durations.format(delay) + " slower";
        }
    }

    /**
     * Down for {@code down}, up for {@code up}, and so on, starting down.
     *
     * @param down      how long each failing phase lasts
     * @param up        how long each healthy phase lasts
     * @param downFault how the service fails while down: any fault but a flap or a probe-side fault
     */
    record Flap(Duration down, Duration up, Fault downFault) implements Fault {
        public Flap {
            if (down.toMillis() < 1 || up.toMillis() < 1) {
                throw new IllegalArgumentException("a flap phase is at least 1ms");
            }
            Objects.requireNonNull(downFault, "downFault");
            if (downFault instanceof Flap || downFault.probeSide()) {
                throw new IllegalArgumentException("a flap is down by refusing, hanging, an error or slowness, not "
                        + downFault.keyword());
            }
        }

        /** A flap with equal down and up phases. */
        public Flap(Duration period, Fault downFault) {
            this(period, period, downFault);
        }

        /** Whether the flap is in its failing phase {@code into} after it began. */
        public boolean downAt(Duration into) {
            long cycle = down.toMillis() + up.toMillis();
            return into.toMillis() % cycle < down.toMillis();
        }

        @Override
        public String keyword() {
            return "flap";
        }

        @Override
        public String describe(boolean singular) {
            String every = down.equals(up) ? "every " + Durations.format(down)
                    : Durations.format(down) + " down, " + Durations.format(up) + " up";
            return (singular ? "flaps " : "flap ") + every + " (down: " + downFault.describe(false) + ")";
        }

        @Override
        public Fault scaled(double factor) {
            return new Flap(scale(down, factor), scale(up, factor), downFault);
        }

        private static Duration scale(Duration d, double factor) {
            return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * factor)));
        }
    }

    /** The prober of the target's vantages died: it reports nothing at all. */
    record Silent() implements Fault {
        @Override
        public String keyword() {
            return "silent";
        }

        @Override
        public String describe(boolean singular) {
            return singular ? "reports nothing" : "report nothing";
        }

        @Override
        public boolean probeSide() {
            return true;
        }
    }

    /**
     * The probe node of the target's vantages is overloaded: it starts probes late, measures them {@code lag} slower
     * and sends its results {@code lag} late.
     *
     * @param lag how far behind the node runs
     */
    record Overload(Duration lag) implements Fault {
        public Overload {
            if (lag.isNegative() || lag.isZero()) {
                throw new IllegalArgumentException("an overload needs a positive lag");
            }
        }

        @Override
        public String keyword() {
            return "overload";
        }

        @Override
        public String describe(boolean singular) {
            return (singular ? "runs " : "run ") + Durations.format(lag) + " behind (probe node overloaded)";
        }

        @Override
        public boolean probeSide() {
            return true;
        }
    }

    /**
     * The probe node of the target's vantages is out of file descriptors (or local ports): it keeps running and
     * reporting, but every probe fails at once on the probing host as {@code local_resource}, before any packet
     * leaves. What a slow-connection attack on a monitor's public port does to probes in the same process.
     */
    record Exhausted() implements Fault {
        @Override
        public String keyword() {
            return "exhausted";
        }

        @Override
        public String describe(boolean singular) {
            return (singular ? "has" : "have") + " no file descriptors left (every probe fails on the probing host)";
        }

        @Override
        public boolean probeSide() {
            return true;
        }
    }
}
