package dev.bongsu.model.scenario;

import dev.bongsu.model.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scenarios: scenario files shipped in the jar under {@code scenarios/}, listed in
 * {@code scenarios/index.txt}, all on the default fleet unless they name another; the simulator plays them and the
 * evaluator replays them.
 */
public final class BuiltInScenarios {
    /** Resource folder of the built-in scenarios. */
    public static final String RESOURCES = "scenarios/";

    private final ScenarioReader reader = new ScenarioReader();

    /** The names of the built-in scenarios, in the order they run. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (String line : FleetReader.resource(RESOURCES + "index.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                out.add(file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file);
            }
        }
        return out;
    }

    /** Every built-in scenario, in the order of the index. */
    public List<Scenario> all() {
        return names().stream().map(this::get).toList();
    }

    /** One built-in scenario by name. */
    public Scenario get(String name) {
        return get(name, null);
    }

    /** One built-in scenario by name; with a {@code fleet}, its targets are checked against that fleet instead. */
    public Scenario get(String name, Fleet fleet) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no built-in scenario '" + name + "'; built in: " + String.join(", ", names()));
        }
        String resource = RESOURCES + name + ".yaml";
        return reader.parse(resource, FleetReader.resource(resource), fleet);
    }

    /**
     * A built-in scenario when {@code nameOrFile} names one, else the scenario file at that path; with a
     * {@code fleet}, targets are checked against that fleet instead of the one the scenario names.
     */
    public Scenario resolve(String nameOrFile, Fleet fleet) {
        if (names().contains(nameOrFile)) {
            return get(nameOrFile, fleet);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file)) {
            throw new ConfigException(nameOrFile, 0, "", "no such scenario file, and not a built-in scenario (see --help"
                    + " or docs/SIMULATOR.md for the " + names().size() + " built-in names)");
        }
        return reader.read(file, fleet);
    }
}
