package dev.bongsu.statuspage.declared;

import dev.bongsu.model.Health;
import dev.bongsu.model.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * How badly an operator says the services of a declared incident are affected, in the words of hosted status pages.
 * On the page a service of an open declared incident shows the worse of what the probes see and {@link #health()}.
 */
public enum DeclaredImpact {
    /** Slower or partly failing: shown as degraded, severity warning. */
    DEGRADED(Health.DEGRADED, Severity.WARNING),
    /** Part of the service does not work (e.g. "payments delayed"): shown as degraded, severity critical. */
    PARTIAL_OUTAGE(Health.DEGRADED, Severity.CRITICAL),
    /** The service does not work: shown as down, severity critical. */
    MAJOR_OUTAGE(Health.DOWN, Severity.CRITICAL);

    private final Health health;
    private final Severity severity;

    DeclaredImpact(Health health, Severity severity) {
        this.health = health;
        this.severity = severity;
    }

    /** The state a service with this impact shows at least. */
    public Health health() {
        return health;
    }

    /** The severity of an incident with this impact. */
    public Severity severity() {
        return severity;
    }

    /** Lower-case wire name: {@code degraded}, {@code partial_outage}, {@code major_outage}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The impact with this wire name, if any. */
    public static Optional<DeclaredImpact> parse(String s) {
        for (DeclaredImpact i : values()) {
            if (i.wireName().equals(s)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The impact that goes with a severity: critical → major outage, anything else → degraded. */
    public static DeclaredImpact of(Severity s) {
        return s == Severity.CRITICAL ? MAJOR_OUTAGE : DEGRADED;
    }
}
