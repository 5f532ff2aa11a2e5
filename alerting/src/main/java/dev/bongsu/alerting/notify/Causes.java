package dev.bongsu.alerting.notify;

import dev.bongsu.model.Hypothesis;

/** Short forms of a likely cause for receivers: {@code provider=kakao}, {@code provider=kakao → datacenter=pangyo}. */
public final class Causes {
    /** How a cause reads when there is none. */
    public static final String UNKNOWN = "unknown";

    private Causes() {
    }

    /** {@code attribute=value}, or {@value #UNKNOWN} when there is no hypothesis. */
    public static String label(Hypothesis h) {
        return h == null ? UNKNOWN : h.attribute() + "=" + h.value();
    }

    /** {@code previous → current} of a notification whose cause changed, e.g. {@code provider=kakao → datacenter=pangyo}. */
    public static String change(Notification n) {
        return label(n.previousHypothesis()) + " → " + label(n.incident().hypothesis());
    }
}
