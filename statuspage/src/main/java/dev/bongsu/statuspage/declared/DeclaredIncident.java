package dev.bongsu.statuspage.declared;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An incident the operator declared: the probes may not see it ("payments delayed", reported by the provider). Its
 * words come from the operator (title here, texts as team updates in the updates store).
 *
 * @param id         {@code op-…}, never a detector id
 * @param version    grows with every change (1 when declared); the higher wins between servers
 * @param title      the public title
 * @param services   the configured service ids affected now
 * @param impact     how badly they are affected
 * @param startedAt  when it was declared
 * @param updatedAt  when it last changed
 * @param resolvedAt when the operator resolved it, {@code null} while open
 * @param changes    every change, oldest first: what was affected after it
 */
public record DeclaredIncident(String id, long version, LocalizedText title, List<String> services, DeclaredImpact impact,
                               Instant startedAt, Instant updatedAt, Instant resolvedAt, List<Change> changes) {

    /**
     * One change of a declared incident.
     *
     * @param at       when
     * @param type     opened, updated or resolved
     * @param services the services affected after it
     * @param impact   the impact after it
     */
    public record Change(Instant at, TransitionType type, List<String> services, DeclaredImpact impact) {
        public Change {
            services = List.copyOf(services);
        }
    }

    public DeclaredIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        services = List.copyOf(services);
        changes = List.copyOf(changes);
    }

    /** A new declared incident. */
    public static DeclaredIncident declare(String id, LocalizedText title, List<String> services, DeclaredImpact impact, Instant at) {
        return new DeclaredIncident(id, 1, title, services, impact, at, at, null,
                List.of(new Change(at, TransitionType.OPENED, services, impact)));
    }

    /** Whether it is still open. */
    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** This incident with a new title, services or impact ({@code null}: unchanged). */
    public DeclaredIncident changed(LocalizedText newTitle, List<String> newServices, DeclaredImpact newImpact, Instant at) {
        List<String> s = newServices != null ? newServices : services;
        DeclaredImpact i = newImpact != null ? newImpact : impact;
        return new DeclaredIncident(id, version + 1, newTitle != null ? newTitle : title, s, i, startedAt, at, resolvedAt,
                append(new Change(at, TransitionType.UPDATED, s, i)));
    }

    /** This incident resolved at {@code at}. */
    public DeclaredIncident resolved(Instant at) {
        return new DeclaredIncident(id, version + 1, title, services, impact, startedAt, at, at,
                append(new Change(at, TransitionType.RESOLVED, services, impact)));
    }

    /** Every service it ever named, in the order they were first named. */
    public List<String> everyService() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        changes.forEach(c -> all.addAll(c.services()));
        all.addAll(services);
        return List.copyOf(all);
    }

    /**
     * The incident as the rest of the site reads incidents: {@code service} with one service, else {@code correlated};
     * no vantage, no hypothesis; its timeline texts are operator-side only (the public view makes its own).
     */
    public Incident asIncident() {
        List<TimelineEntry> timeline = new ArrayList<>();
        for (int k = 0; k < changes.size(); k++) {
            Change c = changes.get(k);
            timeline.add(new TimelineEntry(k + 1, c.at(), c.type(), new LocalizedText("운영자 공지", "Declared by the operator"), c.services()));
        }
        List<String> all = everyService();
        return new Incident(id, Math.max(1, changes.size()), all.size() == 1 ? IncidentKind.SERVICE : IncidentKind.CORRELATED,
                isOpen() ? IncidentState.OPEN : IncidentState.RESOLVED, impact.severity(), all, List.of(), startedAt, updatedAt,
                resolvedAt, title, null, null, timeline);
    }

    private List<Change> append(Change c) {
        List<Change> out = new ArrayList<>(changes);
        out.add(c);
        return out;
    }
}
