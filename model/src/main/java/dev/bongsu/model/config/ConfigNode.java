package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.text.TextRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One value of a YAML config file with its key path and line, and typed readers whose errors say
 * {@code file:line: key.path: expected …, found …}. A missing key is a node too, so optional keys read
 * with a default.
 */
public final class ConfigNode {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final int MAX_SHOWN = 60;

    private final String file;
    private final String path;
    private final Node node;
    private final int line;
    private final EnvSubstitution env;

    private ConfigNode(String file, String path, Node node, int line, EnvSubstitution env) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.line = line;
        this.env = env;
    }

    static ConfigNode root(String file, Node node, Map<String, String> env) {
        return new ConfigNode(file, "", node, node == null ? 1 : lineOf(node), new EnvSubstitution(env));
    }

    private static int lineOf(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** The dotted key path of this value. */
    public String path() {
        return path;
    }

    /** The 1-based line of this value (of its parent when missing). */
    public int line() {
        return line;
    }

    /** The file the value came from. */
    public String file() {
        return file;
    }

    /** Whether the key is absent (or explicitly null). */
    public boolean isMissing() {
        return node == null || (node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue()));
    }

    /** Whether this is a mapping. */
    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** Whether this is a list. */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** Whether this is a single value. */
    public boolean isScalar() {
        return node instanceof ScalarNode && !isMissing();
    }

    // ---- structure ----

    /** The value under {@code key}; a missing node when absent. */
    public ConfigNode get(String key) {
        Map<String, ConfigNode> entries = entries();
        ConfigNode child = entries.get(key);
        return child != null ? child : new ConfigNode(file, childPath(key), null, line, env);
    }

    /** The value under {@code key}; an error when absent. */
    public ConfigNode require(String key) {
        ConfigNode child = get(key);
        if (child.isMissing()) {
            throw new ConfigException(file, line, child.path, "required key is missing");
        }
        return child;
    }

    /** The entries of a mapping, in file order; an empty map when missing. */
    public Map<String, ConfigNode> entries() {
        if (isMissing()) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error("a mapping of keys to values");
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new ConfigException(file, lineOf(t.getKeyNode()), path, "expected a plain key, found a complex key");
            }
            String key = keyNode.getValue();
            if (out.containsKey(key)) {
                throw new ConfigException(file, lineOf(keyNode), childPath(key), "duplicate key (first at line " + out.get(key).line + ")");
            }
            out.put(key, new ConfigNode(file, childPath(key), t.getValueNode(), lineOf(t.getValueNode()), env));
        }
        return out;
    }

    /** The items of a list; an empty list when missing. */
    public List<ConfigNode> items() {
        if (isMissing()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error("a list");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            out.add(new ConfigNode(file, path + "[" + i + "]", item, lineOf(item), env));
        }
        return out;
    }

    /** One scalar written alone or a list of them ({@code x} or {@code [x, y]}); empty when missing. */
    public List<ConfigNode> oneOrMany() {
        return isScalar() ? List.of(this) : items();
    }

    /** A text in both languages: {@code {ko: …, en: …}}, or one text used for both. */
    public LocalizedText localizedText() {
        if (isScalar()) {
            String t = displayText();
            return new LocalizedText(t, t);
        }
        allowOnly("ko", "en");
        return new LocalizedText(require("ko").displayText(), require("en").displayText());
    }

    /** A non-empty text shown to people: only characters XML allows, no bidirectional controls ({@link TextRules}). */
    private String displayText() {
        String t = nonEmptyText();
        TextRules.problem(t).ifPresent(p -> {
            throw problem("text " + p);
        });
        return t;
    }

    /** Rejects keys other than those given, naming the likely typo. */
    public ConfigNode allowOnly(String... keys) {
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(keys));
        for (Map.Entry<String, ConfigNode> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new ConfigException(file, e.getValue().line, e.getValue().path,
                        "unknown key; expected one of " + String.join(", ", allowed));
            }
        }
        return this;
    }

    // ---- scalars ----

    /** The text of a single value, with environment references replaced. */
    public String text() {
        if (isMissing()) {
            throw new ConfigException(file, line, path, "required key is missing");
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error("a single value");
        }
        try {
            return env.apply(scalar.getValue());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, line, path, e.getMessage());
        }
    }

    /** The text, or {@code def} when missing. */
    public String textOr(String def) {
        return isMissing() ? def : text();
    }

    /** A non-empty text. */
    public String nonEmptyText() {
        String t = text();
        if (t.isBlank()) {
            throw error("a non-empty text");
        }
        return t;
    }

    /** An id: lower-case letters, digits, '-' and '_', at most 63 characters. */
    public String id() {
        String t = text();
        if (!ID.matcher(t).matches()) {
            throw error("an id of lower-case letters, digits, '-' and '_' (at most 63, starting with a letter or digit)");
        }
        return t;
    }

    /** A whole number in [min, max]. */
    public int integer(int min, int max) {
        String t = text();
        long v;
        try {
            v = Long.parseLong(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("a whole number from " + min + " to " + max);
        }
        if (v < min || v > max) {
            throw error("a whole number from " + min + " to " + max);
        }
        return (int) v;
    }

    /** A whole number in [min, max], or {@code def} when missing. */
    public int integerOr(int def, int min, int max) {
        return isMissing() ? def : integer(min, max);
    }

    /** A number in [min, max]. */
    public double number(double min, double max) {
        String t = text();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("a number from " + min + " to " + max);
        }
        if (!(v >= min && v <= max)) {
            throw error("a number from " + min + " to " + max);
        }
        return v;
    }

    /** A number in [min, max], or {@code def} when missing. */
    public double numberOr(double def, double min, double max) {
        return isMissing() ? def : number(min, max);
    }

    /** {@code true} or {@code false}. */
    public boolean bool() {
        String t = text();
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("true or false");
        };
    }

    /** A boolean, or {@code def} when missing. */
    public boolean boolOr(boolean def) {
        return isMissing() ? def : bool();
    }

    /** A duration such as 250ms, 5s, 1m30s, 2h, 7d, within [min, max]. */
    public Duration duration(Duration min, Duration max) {
        String t = text();
        Duration d = Durations.parse(t);
        String allowed = "a duration from " + Durations.format(min) + " to " + Durations.format(max)
                + " such as 500ms, 5s, 1m or 2h";
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw error(allowed);
        }
        return d;
    }

    /** A duration, or {@code def} when missing. */
    public Duration durationOr(Duration def, Duration min, Duration max) {
        return isMissing() ? def : duration(min, max);
    }

    /** One of the allowed words. */
    public String choice(String... allowed) {
        String t = text();
        for (String a : allowed) {
            if (a.equals(t)) {
                return t;
            }
        }
        throw error("one of " + String.join(", ", allowed));
    }

    /** One of the allowed words, or {@code def} when missing. */
    public String choiceOr(String def, String... allowed) {
        return isMissing() ? def : choice(allowed);
    }

    /** A list of texts; a single text counts as a list of one. */
    public List<String> texts() {
        if (isMissing()) {
            return List.of();
        }
        if (isScalar()) {
            return List.of(text());
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : items()) {
            out.add(item.text());
        }
        return out;
    }

    /** A mapping of keys to texts. */
    public Map<String, String> textMap() {
        Map<String, String> out = new LinkedHashMap<>();
        entries().forEach((k, v) -> out.put(k, v.text()));
        return out;
    }

    // ---- errors ----

    /** An error saying what was expected here and what was found. */
    public ConfigException error(String expected) {
        return new ConfigException(file, line, path, "expected " + expected + ", found " + found());
    }

    /** An error with a message of its own at this key. */
    public ConfigException problem(String message) {
        return new ConfigException(file, line, path, message);
    }

    /** An error for a secret value: names the key, never the value. */
    public ConfigException secretError(String expected) {
        return new ConfigException(file, line, path, "expected " + expected + " (value not shown)");
    }

    private String found() {
        if (isMissing()) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        String raw = ((ScalarNode) node).getValue();
        String shown = raw.length() > MAX_SHOWN ? raw.substring(0, MAX_SHOWN) + "…" : raw;
        return "'" + shown + "'";
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
