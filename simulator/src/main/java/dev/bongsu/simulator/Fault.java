package dev.bongsu.simulator;

import dev.bongsu.model.config.Durations;
import java.time.Duration;
import java.util.Objects;

/** A way a simulated service misbehaves. */
public sealed interface Fault permits Fault.Refuse, Fault.Hang, Fault.ServerError, Fault.Slow, Fault.Flap {
    /** Refuse connections. */
    Fault REFUSE = new Refuse();
    /** Accept connections and never answer. */
    Fault HANG = new Hang();

    /** The word a scenario file uses for this fault. */
    String keyword();

    /** A verb phrase such as {@code refuse connections}; {@code singular} for a sentence about one service. */
    String describe(boolean singular);

    /** This fault with its own timing (a flap's period) multiplied by {@code factor}. */
    default Fault scaled(double factor) {
        return this;
    }

    /** The listening socket is closed, so connects are refused; it re-opens on the same port when cleared. */
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

    /** Connections are accepted and requests read, but never answered. */
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
     * Down for {@code period}, up for {@code period}, and so on, starting down.
     *
     * @param period how long each phase lasts
     * @param down   how the service is down: {@link Refuse}, {@link Hang} or {@link ServerError}
     */
    record Flap(Duration period, Fault down) implements Fault {
        public Flap {
            if (period.toMillis() < 1) {
                throw new IllegalArgumentException("a flap period is at least 1ms");
            }
            Objects.requireNonNull(down, "down");
            if (down instanceof Flap || down instanceof Slow) {
                throw new IllegalArgumentException("a flap is down by refusing, hanging or answering an error, not " + down.keyword());
            }
        }

        @Override
        public String keyword() {
            return "flap";
        }

        @Override
        public String describe(boolean singular) {
            return (singular ? "flaps" : "flap") + " every " + Durations.format(period) + " (down: "
                    + down.describe(false) + ")";
        }

        @Override
        public Fault scaled(double factor) {
            return new Flap(Duration.ofMillis(Math.max(1, Math.round(period.toMillis() * factor))), down);
        }
    }
}
