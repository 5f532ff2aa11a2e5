package dev.bongsu.detector.evaluate;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import java.util.List;

/**
 * An incident a scenario must produce.
 *
 * @param kind       service, correlated or probe fault
 * @param services   its member services (empty for a probe fault)
 * @param vantages   the vantages of a probe fault (empty otherwise)
 * @param hypothesis the top hypothesis as {@code attribute=value}, or {@code null} when not checked
 * @param state      the state it must be in at the end of the scenario
 */
public record ExpectedIncident(IncidentKind kind, List<String> services, List<String> vantages, String hypothesis,
                               IncidentState state) {
    public ExpectedIncident {
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
    }

    /** A short description, e.g. {@code correlated [kakaotalk, kakaobank]}. */
    public String describe() {
        return kind.wireName() + " " + (kind == IncidentKind.PROBE_FAULT ? vantages : services);
    }
}
