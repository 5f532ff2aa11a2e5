package dev.bongsu.statuspage.publicview;

import dev.bongsu.model.AckReader;
import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentWords;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.declared.DeclaredIncident;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import dev.bongsu.model.Acknowledgement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one public filter: what of the configuration and of the detector's findings the public may see. Every
 * incident shown anywhere public goes through {@link #incident}, which builds its title, likely cause and timeline
 * from structured data (member services, evidence rows, transition types) and names an attribute value only when
 * {@link #isPublic} allows it. The detector's own sentences, written for on-call staff, are never shown: they may
 * name a private cause, a check or an error class.
 */
public final class PublicView {
    private final BongsuConfig cfg;
    private final OperatorNotes notes;
    private final AckReader acks;

    /** The public view of this configuration, without declared incidents or postmortems. */
    public PublicView(BongsuConfig cfg) {
        this(cfg, OperatorNotes.NONE);
    }

    /** The public view of this configuration, with the operator's declared incidents and postmortems. */
    public PublicView(BongsuConfig cfg, OperatorNotes notes) {
        this(cfg, notes, AckReader.NONE);
    }

    /**
     * The public view with acknowledgements: an acknowledged incident shows when the on-call team took it, never who
     * (staff names are not public).
     */
    public PublicView(BongsuConfig cfg, OperatorNotes notes, AckReader acks) {
        this.cfg = cfg;
        this.notes = notes;
        this.acks = acks;
    }

    /** The configuration (render only what this class allows of it). */
    public BongsuConfig config() {
        return cfg;
    }

    /** The display name of a service, or its id when it is not configured. */
    public String name(String serviceId, Lang lang) {
        return cfg.service(serviceId).map(s -> s.name().in(lang.tag())).orElse(serviceId);
    }

    /** The names of services, joined with commas. */
    public String names(List<String> ids, Lang lang) {
        return String.join(", ", ids.stream().map(id -> name(id, lang)).toList());
    }

    /** A public attribute value of a service, or {@code null} when the config does not mark it public. */
    public static String attribute(ServiceConfig s, String attribute) {
        Object v = s.publicAttributeValues().get(attribute);
        if (v == null) {
            return null;
        }
        return v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : v.toString();
    }

    /**
     * Whether an attribute value may be named in public: a vantage name when it is configured with {@code public: true};
     * an attribute value when at least one configured service holds it and every service holding it publishes that
     * attribute.
     */
    public boolean isPublic(String attribute, String value) {
        if (attribute == null || value == null) {
            return false;
        }
        if ("vantage".equals(attribute)) {
            return cfg.vantages().stream().anyMatch(v -> v.name().equals(value) && v.isPublic());
        }
        List<ServiceConfig> holders = cfg.services().stream().filter(s -> s.attributeValues(attribute).contains(value)).toList();
        return !holders.isEmpty() && holders.stream().allMatch(s -> s.publicAttributes().contains(attribute));
    }

    /** The evidence rows the public may see, best first. */
    public List<Evidence> evidence(Hypothesis h) {
        return h == null ? List.of() : h.evidence().stream().filter(e -> isPublic(e.attribute(), e.value())).toList();
    }

    /** The public view of incidents, probe faults left out, in the given order. */
    public List<PublicIncident> incidents(List<Incident> list, Function<String, List<IncidentUpdate>> updates) {
        List<PublicIncident> out = new ArrayList<>(list.size());
        for (Incident i : list) {
            incident(i, updates.apply(i.id())).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The public view of one incident with its team updates and postmortem; empty for a probe fault, which is never
     * public. An incident the operator declared is shown from the operator's record, marked as declared.
     */
    public Optional<PublicIncident> incident(Incident i, List<IncidentUpdate> updates) {
        if (i.kind() == IncidentKind.PROBE_FAULT) {
            return Optional.empty();
        }
        List<IncidentUpdate> visible = updates.stream().filter(u -> !u.deleted()).toList();
        Optional<DeclaredIncident> declared = notes.declared(i.id());
        if (declared.isPresent()) {
            return Optional.of(declared(declared.get(), visible));
        }
        List<PublicEntry> timeline = new ArrayList<>();
        for (TimelineEntry t : i.timeline()) {
            timeline.add(new PublicEntry(t.sequence(), t.at(), t.type(), entryText(t.type(), t.services()), t.services()));
        }
        return Optional.of(new PublicIncident(i.id(), i.kind(), i.state(), i.severity(), i.services(),
                i.vantages().stream().filter(v -> isPublic("vantage", v)).toList(),
                i.startedAt(), i.updatedAt(), i.resolvedAt(), title(i), hypothesis(i.hypothesis()), i.parentId(), timeline, visible,
                IncidentOrigin.DETECTED, null, notes.postmortem(i.id()).orElse(null), acknowledgedAt(i.id())));
    }

    /**
     * A declared incident: the operator's title, every service it named (unknown ids left out), no vantage and no
     * likely cause; its timeline says what the operator declared, changed and resolved, each entry naming the services
     * affected after it.
     */
    PublicIncident declared(DeclaredIncident d, List<IncidentUpdate> updates) {
        Incident i = d.asIncident();
        List<PublicEntry> timeline = new ArrayList<>();
        for (int k = 0; k < d.changes().size(); k++) {
            DeclaredIncident.Change c = d.changes().get(k);
            List<String> named = known(c.services());
            String impact = "impact." + c.impact().wireName();
            LocalizedText text = both(lang -> Texts.t(lang, "tl.declared." + c.type().wireName(), names(named, lang),
                    Texts.t(lang, impact)));
            timeline.add(new PublicEntry(k + 1, c.at(), c.type(), text, named));
        }
        return new PublicIncident(d.id(), i.kind(), i.state(), i.severity(), known(d.everyService()), List.of(), d.startedAt(),
                d.updatedAt(), d.resolvedAt(), d.title(), null, null, timeline, updates, IncidentOrigin.OPERATOR, d.impact(),
                notes.postmortem(d.id()).orElse(null), acknowledgedAt(d.id()));
    }

    /** When the incident was acknowledged, or {@code null}: the time only, the person stays private. */
    private Instant acknowledgedAt(String incidentId) {
        return acks.acknowledgement(incidentId).map(Acknowledgement::at).orElse(null);
    }

    /** The postmortem of an incident as written now, if any. */
    public Optional<dev.bongsu.statuspage.declared.Postmortem> postmortem(String incidentId) {
        return notes.postmortem(incidentId);
    }

    /** The service ids that are configured (a declared incident may outlive a service's removal from the config). */
    private List<String> known(List<String> ids) {
        return ids.stream().filter(id -> cfg.service(id).isPresent()).toList();
    }

    /**
     * The public title: "KakaoTalk down" for a service incident; for a correlated one the number of members and the
     * best public value that every member holds, by its display name from {@code statusPage.valueNames}
     * ("카카오 서비스 4개 동시 장애" / "4 Kakao services down"), else the number alone.
     */
    LocalizedText title(Incident i) {
        if (i.kind() == IncidentKind.SERVICE && i.services().size() == 1) {
            String id = i.services().get(0);
            return IncidentWords.serviceTitle(both(lang -> name(id, lang)), i.severity() == Severity.CRITICAL);
        }
        Evidence shared = sharedPublicValue(i);
        return shared == null ? IncidentWords.groupTitle(i.services().size(), null, (LocalizedText) null)
                : IncidentWords.groupTitle(i.services().size(), shared.attribute(),
                cfg.statusPage().valueName(shared.attribute(), shared.value()));
    }

    /** The first evidence row (best first) that is public and held by every member, or {@code null}. */
    private Evidence sharedPublicValue(Incident i) {
        if (i.hypothesis() == null || i.services().isEmpty()) {
            return null;
        }
        for (Evidence e : evidence(i.hypothesis())) {
            boolean all = i.services().stream().allMatch(s -> cfg.service(s)
                    .map(c -> c.attributeValues(e.attribute()).contains(e.value())).orElse(false));
            if (all) {
                return e;
            }
        }
        return null;
    }

    /** The likely cause: named, with a sentence made from its evidence, only when its value is public. */
    PublicHypothesis hypothesis(Hypothesis h) {
        if (h == null) {
            return null;
        }
        List<Evidence> rows = evidence(h);
        if (!isPublic(h.attribute(), h.value())) {
            return new PublicHypothesis(null, null, null, rows);
        }
        Evidence top = rows.stream().filter(e -> e.attribute().equals(h.attribute()) && e.value().equals(h.value()))
                .findFirst().orElse(null);
        LocalizedText text = top == null ? null : both(lang -> Texts.t(lang, top.down() >= top.total() ? "hyp.all" : "hyp.some",
                Texts.attribute(lang, top.attribute()), top.value(), top.down(), top.total()));
        return new PublicHypothesis(h.attribute(), h.value(), text, rows);
    }

    /** What a transition did, in public words: its type and the names of the services it was about. */
    private LocalizedText entryText(TransitionType type, List<String> services) {
        String key = "tl." + type.wireName() + (services.isEmpty() ? ".none" : "");
        return both(lang -> Texts.t(lang, key, names(services, lang)));
    }

    private static LocalizedText both(Function<Lang, String> text) {
        return new LocalizedText(text.apply(Lang.KO), text.apply(Lang.EN));
    }
}
