package dev.bongsu.statuspage.publicview;

import dev.bongsu.statuspage.declared.DeclaredIncident;
import dev.bongsu.statuspage.declared.Postmortem;
import java.util.List;
import java.util.Optional;

/** What the operator wrote besides team updates: declared incidents and postmortems, as the public view reads them. */
public interface OperatorNotes {
    /** A declared incident by id. */
    Optional<DeclaredIncident> declared(String id);

    /** Every declared incident, open and resolved. */
    List<DeclaredIncident> declaredIncidents();

    /** The postmortem of an incident (detected or declared), if one is written and not removed. */
    Optional<Postmortem> postmortem(String incidentId);

    /** No declared incident, no postmortem. */
    OperatorNotes NONE = new OperatorNotes() {
        @Override
        public Optional<DeclaredIncident> declared(String id) {
            return Optional.empty();
        }

        @Override
        public List<DeclaredIncident> declaredIncidents() {
            return List.of();
        }

        @Override
        public Optional<Postmortem> postmortem(String incidentId) {
            return Optional.empty();
        }
    };
}
