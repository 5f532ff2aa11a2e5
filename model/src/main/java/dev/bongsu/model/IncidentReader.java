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

    /** A reader of an empty store (for parts run without incidents, such as a command's own alerting). */
    static IncidentReader none() {
        return new IncidentReader() {
            @Override
            public Future<List<Incident>> incidents(IncidentQuery query) {
                return Future.succeededFuture(List.of());
            }

            @Override
            public Future<Optional<Incident>> incident(String id) {
                return Future.succeededFuture(Optional.empty());
            }
        };
    }
}
