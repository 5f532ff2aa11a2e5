package dev.bongsu.app;

import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.scenario.BuiltInScenarios;
import dev.bongsu.model.scenario.Fleet;
import dev.bongsu.model.scenario.Scenario;

/** Reads a {@code --scenario NAME|FILE} argument the same way for demo, simulate and evaluate. */
final class ScenarioArgument {
    private static final BuiltInScenarios BUILT_IN = new BuiltInScenarios();

    private ScenarioArgument() {
    }

    /**
     * The built-in scenario of that name, or the scenario in that file on {@code fleet} (its own fleet when null);
     * an invalid one exits with status 2 and the located message.
     */
    static Scenario resolve(String nameOrFile, Fleet fleet) {
        try {
            return BUILT_IN.resolve(nameOrFile, fleet);
        } catch (ConfigException e) {
            throw new UserException("invalid scenario: " + e.getMessage(), Main.EXIT_CONFIG);
        }
    }
}
