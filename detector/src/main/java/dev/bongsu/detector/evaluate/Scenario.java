package dev.bongsu.detector.evaluate;

import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import java.time.Duration;
import java.util.List;

/**
 * A labelled outage scenario: a fleet seen from some vantages, the faults that happen to it, and the incidents
 * the detector must raise.
 *
 * @param name          short id, e.g. {@code dc-fire}
 * @param description   what happens, in a sentence
 * @param source        the file it was read from
 * @param interval      probe interval of every check
 * @param timeout       probe timeout of every check
 * @param duration      how long the scenario runs
 * @param batchInterval longest a result waits on a probe node before its batch leaves
 * @param vantages      the vantages
 * @param fleet         the services, one HTTP check each
 * @param faults        what goes wrong
 * @param expected      the incidents that must be raised (empty: none at all)
 * @param detector      detection settings
 */
public record Scenario(String name, String description, String source, Duration interval, Duration timeout,
                       Duration duration, Duration batchInterval, List<String> vantages, List<ServiceConfig> fleet,
                       List<ScenarioFault> faults, List<ExpectedIncident> expected, DetectorConfig detector) {
    public Scenario {
        vantages = List.copyOf(vantages);
        fleet = List.copyOf(fleet);
        faults = List.copyOf(faults);
        expected = List.copyOf(expected);
    }
}
