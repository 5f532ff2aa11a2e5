package dev.bongsu.statuspage.incident;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.declared.OperatorIncidents;
import dev.bongsu.statuspage.publicview.IncidentTimeline;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.updates.UpdatesStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Finds one public incident with its member service incidents: from the last build when it is there (open and
 * recent ones), else from the incident store (detected and declared), so that every incident keeps its permalink.
 */
final class IncidentRecords {
    private static final int MAX_MEMBERS = 1000;

    private final IncidentReader incidents;
    private final UpdatesStore updates;

    IncidentRecords(IncidentReader incidents, UpdatesStore updates) {
        this.incidents = incidents;
        this.updates = updates;
    }

    /** One incident and its member incidents, as the public may see them; {@code stored} when read from the store. */
    record Found(PublicIncident incident, List<PublicIncident> members, Incident stored) {
        /** The merged timeline. */
        IncidentTimeline timeline(SiteData d) {
            return IncidentTimeline.of(d.view(), incident, members);
        }
    }

    /** The incident {@code id}; empty when unknown or a probe fault. */
    Future<Optional<Found>> find(SiteData d, String id) {
        // a declared incident is read fresh from the operator's store (in memory); a built one gets the postmortem as written now
        Optional<PublicIncident> built = OperatorIncidents.isDeclaredId(id) ? Optional.empty()
                : d.incident(id).map(i -> i.withPostmortem(d.view().postmortem(id).orElse(null)));
        if (built.isPresent()) {
            List<PublicIncident> members = d.incidents().stream().filter(m -> id.equals(m.parentId())).toList();
            return Future.succeededFuture(Optional.of(new Found(built.get(), members, null)));
        }
        return incidents.incident(id).compose(found -> {
            Optional<PublicIncident> shown = found.flatMap(i -> d.view().incident(i, updates.updatesFor(i.id())));
            if (shown.isEmpty()) {
                return Future.succeededFuture(Optional.<Found>empty());
            }
            return members(d, found.get()).map(m -> Optional.of(new Found(shown.get(), m, found.get())));
        });
    }

    private Future<List<PublicIncident>> members(SiteData d, Incident i) {
        if (i.kind() != dev.bongsu.model.IncidentKind.CORRELATED) {
            return Future.succeededFuture(List.of());
        }
        IncidentQuery q = new IncidentQuery(null, i.startedAt(), i.resolvedAt() == null ? null : i.resolvedAt().plusMillis(1), MAX_MEMBERS);
        return incidents.incidents(q).map(list -> d.view().incidents(
                list.stream().filter(m -> i.id().equals(m.parentId())).toList(), updates::updatesFor));
    }
}
