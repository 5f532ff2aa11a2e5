package dev.bongsu.model;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Reads incidents back from the store. */
public interface IncidentReader {
    /** Incidents matching the query, newest start first. */
    Future<List<Incident>> incidents(IncidentQuery query);

    /** One incident by id. */
    Future<Optional<Incident>> incident(String id);
}
