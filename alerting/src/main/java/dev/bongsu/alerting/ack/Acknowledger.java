package dev.bongsu.alerting.ack;

import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentReader;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * Acknowledges incidents for the signed link, the admin API and {@code bongsu ack}: the incident must be known and
 * open; the first acknowledgement wins and later ones get it back.
 */
public final class Acknowledger {
    /** Longest name accepted as {@code by}. */
    public static final int MAX_BY = 64;
    private static final Logger LOG = Logger.getLogger(Acknowledger.class.getName());

    /** What acknowledging came to. */
    public sealed interface Result {
        /** Recorded now. */
        record Acknowledged(Acknowledgement acknowledgement) implements Result {
        }

        /** Someone had acknowledged it before; their acknowledgement stands. */
        record Already(Acknowledgement acknowledgement) implements Result {
        }

        /** No incident with that id. */
        record Unknown(String incidentId) implements Result {
        }

        /** The incident is resolved: nothing to acknowledge. */
        record Resolved(Incident incident) implements Result {
        }
    }

    private final AckStore store;
    private final IncidentReader incidents;
    private final Clock clock;

    /** Acknowledges into {@code store}, checking incidents in {@code incidents}. */
    public Acknowledger(AckStore store, IncidentReader incidents, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The store (its list of acknowledgements, and the reader). */
    public AckStore store() {
        return store;
    }

    /**
     * Acknowledges an incident.
     *
     * @param incidentId the incident
     * @param by         who, as checked by {@link #checkBy}
     * @param via        {@code link}, {@code api} or {@code cli}
     */
    public Future<Result> acknowledge(String incidentId, String by, String via) {
        var existing = store.acknowledgement(incidentId);
        if (existing.isPresent()) {
            return Future.succeededFuture(new Result.Already(existing.get()));
        }
        return incidents.incident(incidentId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(new Result.Unknown(incidentId));
            }
            if (!found.get().isOpen()) {
                return Future.succeededFuture(new Result.Resolved(found.get()));
            }
            Acknowledgement ack = new Acknowledgement(incidentId, by, clock.instant().truncatedTo(ChronoUnit.MILLIS), via);
            return store.acknowledge(ack).map(o -> {
                if (!o.created()) {
                    return new Result.Already(o.acknowledgement());
                }
                LOG.info("incident acknowledged: id=" + incidentId + " by=" + by + " via=" + via);
                return new Result.Acknowledged(o.acknowledgement());
            });
        });
    }

    /**
     * Checks a name given as {@code by}: trimmed, at most {@value #MAX_BY} characters, no control characters; blank
     * becomes {@code fallback}.
     *
     * @throws IllegalArgumentException with a message naming the field
     */
    public static String checkBy(String given, String fallback) {
        String by = given == null ? "" : given.strip();
        if (by.isEmpty()) {
            return fallback;
        }
        if (by.length() > MAX_BY) {
            throw new IllegalArgumentException("by: expected a name of at most " + MAX_BY + " characters, found " + by.length());
        }
        if (by.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            throw new IllegalArgumentException("by: expected a name without control characters");
        }
        return by;
    }
}
