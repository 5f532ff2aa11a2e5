package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.TransitionType;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the detector's incident transitions into what the public is told: one notice per correlated incident
 * transition, never one per member service. Pure: time is an input, nothing is sent.
 *
 * <ul>
 *   <li>A correlated incident is announced when it opens and when it resolves, and when services join it after it
 *       opened ({@code incident.updated}, once per new member count).</li>
 *   <li>A service incident that is a member of a correlated one (its {@code parentId} is set) is not announced.</li>
 *   <li>A service incident that opens alone is held for the debounce (the detector's correlation window): if it joins
 *       a correlated incident meanwhile, it is never announced on its own; if it resolves meanwhile, neither its
 *       opening nor its resolution is announced; otherwise its opening is announced when the debounce ends.</li>
 *   <li>Whatever had its opening announced has its resolution announced, even a service incident that joined a
 *       correlated one later: nobody is told something is down and never told it is back.</li>
 *   <li>Probe faults are never announced.</li>
 * </ul>
 *
 * Keys are {@code incident:<id>:opened}, {@code incident:<id>:resolved} and {@code incident:<id>:services-<n>}, so a
 * transition seen again (a restart, a cluster take-over) adds nothing once the outbox has its key.
 */
public final class IncidentAnnouncer {
    private final PublicView view;
    private final Duration debounce;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> announcedOpen = new HashSet<>();
    private final Map<String, Integer> memberCounts = new HashMap<>();

    /** An announcer that names only what {@code view} allows and holds lone service incidents for {@code debounce}. */
    public IncidentAnnouncer(PublicView view, Duration debounce) {
        this.view = view;
        this.debounce = debounce;
    }

    /** Incidents whose opening was announced before a restart and whose resolution was not yet. */
    public void restore(Collection<String> openAnnounced) {
        announcedOpen.addAll(openAnnounced);
    }

    /** The notices due because of this transition, seen at {@code now}. */
    public List<PublicNotice> accept(IncidentTransition t, Instant now) {
        Incident i = t.incident();
        if (i.kind() == IncidentKind.PROBE_FAULT) {
            return List.of();
        }
        if (i.kind() == IncidentKind.CORRELATED) {
            return correlated(t.type(), i);
        }
        return service(t.type(), i, now);
    }

    /** Held service openings whose debounce has ended by {@code now}, still alone: announced now. */
    public List<PublicNotice> due(Instant now) {
        List<PublicNotice> out = new ArrayList<>();
        held.values().removeIf(h -> {
            if (now.isBefore(h.until)) {
                return false;
            }
            announcedOpen.add(h.incident.id());
            out.add(notice(h.incident, "opened", TransitionType.OPENED.eventName(), h.incident.startedAt()));
            return true;
        });
        return out;
    }

    /** The earliest end of a held debounce, or {@code null} when nothing is held. */
    public Instant nextDue() {
        return held.values().stream().map(h -> h.until).min(Instant::compareTo).orElse(null);
    }

    private List<PublicNotice> correlated(TransitionType type, Incident i) {
        switch (type) {
            case OPENED -> {
                announcedOpen.add(i.id());
                memberCounts.put(i.id(), i.services().size());
                return List.of(notice(i, "opened", type.eventName(), i.startedAt()));
            }
            case RESOLVED -> {
                return resolved(i);
            }
            default -> {
                Integer before = memberCounts.put(i.id(), i.services().size());
                // After a restart the count at opening is unknown: the first update only sets it.
                if (before == null || i.services().size() <= before || !announcedOpen.contains(i.id())) {
                    return List.of();
                }
                return List.of(notice(i, "services-" + i.services().size(), type.eventName(), i.updatedAt()));
            }
        }
    }

    private List<PublicNotice> service(TransitionType type, Incident i, Instant now) {
        if (type == TransitionType.RESOLVED) {
            held.remove(i.id());
            return resolved(i);
        }
        if (i.parentId() != null) {
            held.remove(i.id());
            return List.of();
        }
        if (type == TransitionType.OPENED) {
            held.put(i.id(), new Held(i, now.plus(debounce)));
        } else {
            held.computeIfPresent(i.id(), (id, h) -> new Held(i, h.until));
        }
        return List.of();
    }

    private List<PublicNotice> resolved(Incident i) {
        memberCounts.remove(i.id());
        if (!announcedOpen.remove(i.id())) {
            return List.of();
        }
        Instant at = i.resolvedAt() != null ? i.resolvedAt() : i.updatedAt();
        return List.of(notice(i, "resolved", TransitionType.RESOLVED.eventName(), at));
    }

    private PublicNotice notice(Incident i, String suffix, String event, Instant at) {
        PublicIncident p = view.incident(i, List.of()).orElseThrow();
        LocalizedText text = "incident.resolved".equals(event) || p.hypothesis() == null ? null : p.hypothesis().text();
        return new PublicNotice("incident:" + i.id() + ":" + suffix, i.id(), event, i.services(), p.title(), text,
                "/incidents/" + i.id(), at);
    }

    private record Held(Incident incident, Instant until) {
    }
}
