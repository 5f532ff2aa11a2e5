package dev.bongsu.model.scenario;

import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one reader of scenario files (see docs/SIMULATOR.md and docs/DETECTION.md). It reads both syntaxes — the
 * simulator's {@code steps:} with {@code target:} and {@code fault:}, and the evaluator's {@code faults:} with
 * {@code services:} and {@code kind:} — and every problem is a {@link ConfigException} reading
 * {@code file:line: key.path: expected …, found …}.
 */
public final class ScenarioReader {
    /** The vantages of a scenario that names none. */
    public static final List<String> DEFAULT_VANTAGES = List.of("seoul-kt", "busan-skb", "daejeon-lgu");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TAIL = Duration.ofMinutes(3);
    private static final Duration MAX_DURATION = Duration.ofDays(2);

    /** Reads a scenario file; targets are checked against the fleet it names. */
    public Scenario read(Path file) {
        return read(file, null);
    }

    /** Reads a scenario file; with a {@code fleet}, that fleet replaces the one the file names. */
    public Scenario read(Path file, Fleet fleet) {
        return parse(file.toString(), FleetReader.read(file), fleet);
    }

    /** Parses scenario YAML; {@code file} is used in error messages and, without a {@code name} key, as its name. */
    public Scenario parse(String file, String yaml) {
        return parse(file, yaml, null);
    }

    /** Parses scenario YAML; with a {@code fleet}, that fleet replaces the one the text names. */
    public Scenario parse(String file, String yaml, Fleet fleetOverride) {
        ConfigNode root = ConfigLoader.parseNode(file, yaml, Map.of());
        if (root.isMissing()) {
            throw new ConfigException(file, 1, "", "the file is empty; expected a scenario with 'steps' (or 'faults') and 'expect'");
        }
        root.allowOnly("name", "description", "fleet", "interval", "timeout", "duration", "batchInterval", "vantages",
                "steps", "faults", "expect");
        String name = root.get("name").isMissing() ? defaultName(file) : root.get("name").id();
        Duration interval = root.get("interval").durationOr(DEFAULT_INTERVAL, Duration.ofMillis(100), Duration.ofHours(1));
        ConfigNode timeoutNode = root.get("timeout");
        Duration timeout = timeoutNode.durationOr(defaultTimeout(interval), Duration.ofMillis(10), Duration.ofMinutes(5));
        if (timeout.compareTo(interval) > 0) {
            throw timeoutNode.error("a timeout no longer than the interval");
        }
        ConfigNode durationNode = root.get("duration");
        Duration duration = durationNode.isMissing() ? null : durationNode.duration(Duration.ofSeconds(10), MAX_DURATION);
        List<String> vantages = vantages(root.get("vantages"));
        Fleet fleet = fleetOverride != null ? fleetOverride : FleetReader.fleet(root.get("fleet"));
        StepReader steps = new StepReader(fleet, vantages, duration);
        List<Step> list = steps(root, steps);
        ConfigNode expectNode = root.get("expect");
        List<Expectation> expected = new ExpectationReader(fleet, vantages, duration).read(expectNode);
        if (list.isEmpty() && expectNode.isMissing()) {
            root.require("steps");
        }
        if (duration == null) {
            duration = lengthOf(list).plus(TAIL);
        }
        return new Scenario(name, root.get("description").textOr("").strip(), file, fleet, interval, timeout, duration,
                root.get("batchInterval").durationOr(Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(10)),
                vantages, list, expected, !expectNode.isMissing());
    }

    private static List<Step> steps(ConfigNode root, StepReader reader) {
        ConfigNode stepsNode = root.get("steps");
        ConfigNode faultsNode = root.get("faults");
        if (!stepsNode.isMissing() && !faultsNode.isMissing()) {
            throw faultsNode.problem("use either 'steps' or 'faults', not both");
        }
        if (!stepsNode.isMissing() && stepsNode.items().isEmpty()) {
            throw stepsNode.isList()
                    ? stepsNode.problem("expected a list of at least one step, found an empty list")
                    : stepsNode.error("a list of at least one step");
        }
        List<Step> out = new ArrayList<>();
        for (ConfigNode item : stepsNode.isMissing() ? faultsNode.items() : stepsNode.items()) {
            out.add(reader.step(item));
        }
        return out;
    }

    private static Duration lengthOf(List<Step> steps) {
        Duration last = Duration.ZERO;
        for (Step s : steps) {
            Duration end = s.end().orElse(s.at());
            last = end.compareTo(last) > 0 ? end : last;
        }
        return last;
    }

    private static List<String> vantages(ConfigNode n) {
        if (n.isMissing()) {
            return DEFAULT_VANTAGES;
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : n.oneOrMany()) {
            String v = item.id();
            if (out.contains(v)) {
                throw item.problem("duplicate vantage '" + v + "'");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw n.error("a list of at least one vantage");
        }
        return out;
    }

    private static Duration defaultTimeout(Duration interval) {
        return interval.compareTo(DEFAULT_TIMEOUT.multipliedBy(2)) >= 0 ? DEFAULT_TIMEOUT : interval.dividedBy(2);
    }

    /** The name of a scenario without a {@code name} key: its file name without the extension. */
    static String defaultName(String file) {
        String base = Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        return stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }
}
