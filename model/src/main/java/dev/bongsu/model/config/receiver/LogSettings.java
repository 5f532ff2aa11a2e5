package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.List;

/** One log line per notification; no settings of its own. */
public record LogSettings() implements ReceiverSettings {
    /** The YAML type name. */
    public static final String TYPE = "log";
    /** The keys of this kind besides the common ones: none. */
    public static final List<String> KEYS = List.of();

    /** Nothing to read. */
    public static LogSettings read(ConfigNode r) {
        return new LogSettings();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secrets() {
        return List.of();
    }
}
