package dev.bongsu.statuspage.support;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory incident store that counts its reads. */
public final class FakeIncidents implements IncidentReader {
    private final Map<String, Incident> byId = new ConcurrentHashMap<>();
    /** Reads so far. */
    public final AtomicInteger reads = new AtomicInteger();

    /** Stores or replaces an incident. */
    public void put(Incident i) {
        byId.put(i.id(), i);
    }

    @Override
    public Future<List<Incident>> incidents(IncidentQuery q) {
        reads.incrementAndGet();
        return Future.succeededFuture(byId.values().stream()
                .filter(i -> q.state() == null || i.state() == q.state())
                .filter(i -> q.to() == null || i.startedAt().isBefore(q.to()))
                .filter(i -> q.from() == null || i.resolvedAt() == null || !i.resolvedAt().isBefore(q.from()))
                .sorted(Comparator.comparing(Incident::startedAt).reversed())
                .limit(q.limit()).toList());
    }

    @Override
    public Future<Optional<Incident>> incident(String id) {
        reads.incrementAndGet();
        return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
    }
}
