package dev.bongsu.model;

import java.util.Optional;

/** Read port: whether an incident was acknowledged, and by whom and when. */
public interface AckReader {
    /** No acknowledgements at all. */
    AckReader NONE = id -> Optional.empty();

    /** The acknowledgement of an incident, if any. Cheap (in memory); callable from any thread. */
    Optional<Acknowledgement> acknowledgement(String incidentId);
}
