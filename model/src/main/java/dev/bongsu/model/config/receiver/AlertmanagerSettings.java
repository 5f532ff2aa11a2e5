package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.List;
import java.util.Objects;

/**
 * A Prometheus Alertmanager (API v2).
 *
 * @param url the Alertmanager base URL; alerts go to {@code <url>/api/v2/alerts}
 */
public record AlertmanagerSettings(String url) implements ReceiverSettings {
    /** The YAML type name. */
    public static final String TYPE = "alertmanager";
    /** The keys of this kind besides the common ones. */
    public static final List<String> KEYS = List.of("url");

    public AlertmanagerSettings {
        Objects.requireNonNull(url, "url");
    }

    /** Reads the required {@code url}. */
    public static AlertmanagerSettings read(ConfigNode r) {
        return new AlertmanagerSettings(ReceiverFields.url(r.require("url")));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secrets() {
        return ReceiverFields.present(url);
    }

    @Override
    public String toString() {
        return "AlertmanagerSettings[url=(hidden)]";
    }
}
