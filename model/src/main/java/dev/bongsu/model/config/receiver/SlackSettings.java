package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.List;
import java.util.Objects;

/**
 * A Slack incoming webhook.
 *
 * @param url the incoming-webhook URL (a secret: it alone lets anyone post)
 */
public record SlackSettings(String url) implements ReceiverSettings {
    /** The YAML type name. */
    public static final String TYPE = "slack";
    /** The keys of this kind besides the common ones. */
    public static final List<String> KEYS = List.of("url");

    public SlackSettings {
        Objects.requireNonNull(url, "url");
    }

    /** Reads the required {@code url}. */
    public static SlackSettings read(ConfigNode r) {
        return new SlackSettings(ReceiverFields.url(r.require("url")));
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
        return "SlackSettings[url=(hidden)]";
    }
}
