package dev.bongsu.model.scenario;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import java.time.Duration;
import java.util.List;

/**
 * What a scenario expects the detector to raise: one incident with exactly these members, or ({@code none}) that no
 * incident matching the given kind and members is raised at all.
 *
 * @param kind         service, correlated or probe fault; {@code null} only for {@code none} (any kind)
 * @param services     its member services (empty for a probe fault; for {@code none}: any member of these)
 * @param vantages     the vantages of a probe fault (empty otherwise)
 * @param hypothesis   the correct final hypothesis as {@code attribute=value}, or {@code null} when not checked
 * @param state        the state it must be in at the end of the scenario
 * @param hypothesisBy latest time from the start by which the hypothesis must be the correct one, or {@code null}
 * @param revisions    how many times the hypothesis must have been revised, or {@code null} when not checked
 * @param maxDelay     longest detection delay after the onset, in probe intervals, or {@code null} for the default
 * @param none         whether this says that no such incident is raised
 */
public record Expectation(IncidentKind kind, List<String> services, List<String> vantages, String hypothesis,
                          IncidentState state, Duration hypothesisBy, Integer revisions, Double maxDelay, boolean none) {
    public Expectation {
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
    }

    /** An incident of {@code kind} with these members and this final hypothesis, resolved by the end. */
    public static Expectation incident(IncidentKind kind, List<String> members, String hypothesis) {
        boolean probe = kind == IncidentKind.PROBE_FAULT;
        return new Expectation(kind, probe ? List.of() : members, probe ? members : List.of(), hypothesis,
                IncidentState.RESOLVED, null, null, null, false);
    }

    /** The members an incident must have: its vantages for a probe fault, else its services. */
    public List<String> members() {
        return kind == IncidentKind.PROBE_FAULT ? vantages : services;
    }

    /** A short description, e.g. {@code correlated [kakaotalk, kakaobank]} or {@code no service incident}. */
    public String describe() {
        if (none) {
            String what = kind == null ? "incident" : kind.wireName() + " incident";
            List<String> about = services.isEmpty() ? vantages : services;
            return "no " + what + (about.isEmpty() ? "" : " about " + about);
        }
        return kind.wireName() + " " + members();
    }
}
