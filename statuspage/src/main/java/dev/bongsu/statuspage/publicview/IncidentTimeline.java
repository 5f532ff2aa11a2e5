package dev.bongsu.statuspage.publicview;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.TransitionType;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one timeline of an incident a reader can cite, made only from {@link PublicIncident}s: when it started, when it
 * was detected, each team update, each service's recovery and the resolution, in time order.
 *
 * <ul>
 *   <li><b>start</b>: the incident's {@code startedAt}: for a detected incident the time of the first failing probe
 *       of the failure streak that opened it (for a correlated incident, of its earliest member); for a declared one,
 *       when the operator declared it;</li>
 *   <li><b>detection</b>: the earliest {@code opened} transition of the incident or of its member service incidents
 *       (a member may have been detected on its own before the group formed); for a declared one, its declaration;</li>
 *   <li><b>acknowledged</b>: when the on-call team acknowledged the incident or, for a correlated one, the first of
 *       its member service incidents (who did it is never public);</li>
 *   <li><b>first update</b>: the first team update posted (edits keep their original time);</li>
 *   <li><b>recovery</b> of a service: when its (latest) member service incident resolved, or for a service incident,
 *       its resolution; a service of a declared incident recovers when the operator takes it out of the incident or
 *       resolves it; a service without a member incident recovers with the incident; {@code null} while it is not
 *       back;</li>
 *   <li><b>resolution</b>: the incident's {@code resolvedAt}.</li>
 * </ul>
 *
 * @param startedAt     the start
 * @param detectedAt    the detection
 * @param firstUpdateAt the first team update, {@code null} when none
 * @param acknowledgedAt the acknowledgement, {@code null} when none
 * @param recoveries    per service id (every service of the incident), its recovery or {@code null}
 * @param resolvedAt    the resolution, {@code null} while open
 * @param steps         every step above plus the operator's changes of a declared incident, oldest first
 */
public record IncidentTimeline(Instant startedAt, Instant detectedAt, Instant firstUpdateAt, Instant acknowledgedAt, Map<String, Instant> recoveries,
                               Instant resolvedAt, List<Step> steps) {

    /**
     * One step of the timeline.
     *
     * @param at       when
     * @param type     {@code started}, {@code detected}, {@code declared}, {@code changed}, {@code acknowledged},
     *                 {@code update}, {@code recovered} or {@code resolved}
     * @param text     what happened, in public words (a team update: its text)
     * @param services the services it is about
     * @param update   the team update of an {@code update} step, else {@code null}
     */
    public record Step(Instant at, String type, LocalizedText text, List<String> services, IncidentUpdate update) {
        public Step {
            services = List.copyOf(services);
        }
    }

    private static final List<String> ORDER = List.of("started", "declared", "detected", "acknowledged", "changed", "recovered", "update", "resolved");

    public IncidentTimeline {
        recoveries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recoveries));
        steps = List.copyOf(steps);
    }

    /** The timeline of {@code i}; {@code members} are the service incidents that belong to it (any others are ignored). */
    public static IncidentTimeline of(PublicView view, PublicIncident i, List<PublicIncident> members) {
        List<PublicIncident> own = members.stream().filter(m -> i.id().equals(m.parentId())).toList();
        List<Step> steps = new ArrayList<>();
        Instant detected = i.isDeclared() ? i.startedAt() : detection(i, own);
        Map<String, Instant> recoveries = i.isDeclared() ? declaredRecoveries(i) : recoveries(i, own);
        if (i.isDeclared()) {
            for (PublicEntry e : i.timeline()) {
                if (e.type() != TransitionType.RESOLVED) {
                    steps.add(new Step(e.at(), e.type() == TransitionType.OPENED ? "declared" : "changed", e.text(), e.services(), null));
                }
            }
        } else {
            steps.add(new Step(i.startedAt(), "started", both(l -> Texts.t(l, "tl.started")), i.services(), null));
            steps.add(new Step(detected, "detected", both(l -> Texts.t(l, "tl.detected", view.names(i.services(), l))), i.services(), null));
        }
        Instant acknowledged = acknowledged(i, own);
        if (acknowledged != null) {
            steps.add(new Step(acknowledged, "acknowledged", both(l -> Texts.t(l, "tl.acknowledged")), List.of(), null));
        }
        for (IncidentUpdate u : i.updates()) {
            steps.add(new Step(u.at(), "update", u.text(), List.of(), u));
        }
        recoveries.forEach((s, at) -> {
            if (at != null) {
                steps.add(new Step(at, "recovered", both(l -> Texts.t(l, "tl.recovered", view.name(s, l))), List.of(s), null));
            }
        });
        if (i.resolvedAt() != null) {
            steps.add(new Step(i.resolvedAt(), "resolved", both(l -> Texts.t(l, i.isDeclared() ? "tl.declared.resolved" : "tl.resolved.none")),
                    i.services(), null));
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(s -> ORDER.indexOf(s.type())));
        Instant firstUpdate = i.updates().stream().map(IncidentUpdate::at).min(Comparator.naturalOrder()).orElse(null);
        return new IncidentTimeline(i.startedAt(), detected, firstUpdate, acknowledged, recoveries, i.resolvedAt(), steps);
    }

    /** The earliest opened transition of the incident or its members; the start when none is recorded. */
    private static Instant detection(PublicIncident i, List<PublicIncident> members) {
        Instant first = null;
        List<PublicIncident> all = new ArrayList<>(members);
        all.add(i);
        for (PublicIncident x : all) {
            for (PublicEntry e : x.timeline()) {
                if (e.type() == TransitionType.OPENED && (first == null || e.at().isBefore(first))) {
                    first = e.at();
                }
            }
        }
        return first != null ? first : i.startedAt();
    }

    /** The first acknowledgement of the incident or of one of its members; {@code null} when none. */
    private static Instant acknowledged(PublicIncident i, List<PublicIncident> members) {
        Instant first = i.acknowledgedAt();
        for (PublicIncident m : members) {
            if (m.acknowledgedAt() != null && (first == null || m.acknowledgedAt().isBefore(first))) {
                first = m.acknowledgedAt();
            }
        }
        return first;
    }

    private static Map<String, Instant> recoveries(PublicIncident i, List<PublicIncident> members) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (String s : i.services()) {
            List<PublicIncident> of = members.stream().filter(m -> m.services().contains(s)).toList();
            if (i.kind() == IncidentKind.SERVICE || of.isEmpty()) {
                out.put(s, i.resolvedAt());
            } else if (of.stream().anyMatch(PublicIncident::isOpen)) {
                out.put(s, null);
            } else {
                out.put(s, of.stream().map(PublicIncident::resolvedAt).max(Comparator.naturalOrder()).orElse(i.resolvedAt()));
            }
        }
        return out;
    }

    /** A service leaves a declared incident when a change no longer names it; the rest recover at the resolution. */
    private static Map<String, Instant> declaredRecoveries(PublicIncident i) {
        Map<String, Instant> out = new LinkedHashMap<>();
        i.services().forEach(s -> out.put(s, null));
        List<String> before = List.of();
        for (PublicEntry e : i.timeline()) {
            for (String s : before) {
                if (!e.services().contains(s)) {
                    out.put(s, e.at());
                }
            }
            for (String s : e.services()) {
                if (!before.contains(s)) {
                    out.put(s, null);
                }
            }
            before = e.services();
        }
        if (i.resolvedAt() != null) {
            out.replaceAll((s, at) -> at == null ? i.resolvedAt() : at);
        }
        return out;
    }

    private static LocalizedText both(Function<Lang, String> text) {
        return new LocalizedText(text.apply(Lang.KO), text.apply(Lang.EN));
    }
}
