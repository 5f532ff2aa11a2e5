package dev.bongsu.simulator;

import dev.bongsu.model.scenario.BuiltInScenarios;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.model.scenario.ScenarioReader;
import java.util.List;

/**
 * Finds the scenarios the simulator plays: the built-in ones by name or scenario files, read by the one
 * {@link ScenarioReader} and checked against the fleet the simulator runs.
 */
public final class Scenarios {
    private static final BuiltInScenarios BUILT_IN = new BuiltInScenarios();

    private Scenarios() {
    }

    /** The names of the built-in scenarios. */
    public static List<String> builtInNames() {
        return BUILT_IN.names();
    }

    /** A built-in scenario, on the fleet it names (the default fleet unless it names another). */
    public static Scenario builtIn(String name) {
        return BUILT_IN.get(name);
    }

    /** A built-in scenario when {@code nameOrFile} names one, else the scenario file at that path; on {@code fleet} when given. */
    public static Scenario resolve(String nameOrFile, Fleet fleet) {
        return BUILT_IN.resolve(nameOrFile, fleet == null ? null : fleet.model());
    }

    /** Reads scenario YAML on {@code fleet} (when given); {@code file} is used in error messages and as default name. */
    public static Scenario parse(String file, String yaml, Fleet fleet) {
        return new ScenarioReader().parse(file, yaml, fleet == null ? null : fleet.model());
    }
}
