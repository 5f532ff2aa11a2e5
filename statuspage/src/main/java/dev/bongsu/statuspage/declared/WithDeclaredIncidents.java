package dev.bongsu.statuspage.declared;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.statuspage.publicview.OperatorNotes;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The detector's incident store with the operator's declared incidents added, so that every page, feed and API
 * that reads incidents sees both (the public view tells them apart by {@link OperatorNotes#declared}).
 */
public final class WithDeclaredIncidents implements IncidentReader {
    private final IncidentReader detected;
    private final OperatorNotes notes;

    /** Reads {@code detected} and the declared incidents of {@code notes}. */
    public WithDeclaredIncidents(IncidentReader detected, OperatorNotes notes) {
        this.detected = detected;
        this.notes = notes;
    }

    @Override
    public Future<List<Incident>> incidents(IncidentQuery q) {
        return detected.incidents(q).map(found -> {
            List<Incident> out = new ArrayList<>(found);
            for (DeclaredIncident d : notes.declaredIncidents()) {
                Incident i = d.asIncident();
                if (matches(i, q)) {
                    out.add(i);
                }
            }
            out.sort(Comparator.comparing(Incident::startedAt).reversed().thenComparing(Incident::id));
            return out.size() > q.limit() ? List.copyOf(out.subList(0, q.limit())) : out;
        });
    }

    @Override
    public Future<Optional<Incident>> incident(String id) {
        Optional<DeclaredIncident> d = notes.declared(id);
        return d.isPresent() ? Future.succeededFuture(Optional.of(d.get().asIncident())) : detected.incident(id);
    }

    /** The store's rule: the state, if given, and overlapping [from, to). */
    private static boolean matches(Incident i, IncidentQuery q) {
        return (q.state() == null || i.state() == q.state())
                && (q.to() == null || i.startedAt().isBefore(q.to()))
                && (q.from() == null || i.resolvedAt() == null || !i.resolvedAt().isBefore(q.from()));
    }
}
