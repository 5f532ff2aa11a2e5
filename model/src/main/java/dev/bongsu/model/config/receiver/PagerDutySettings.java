package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.List;
import java.util.Objects;

/**
 * PagerDuty Events API v2.
 *
 * @param url        the events endpoint
 * @param routingKey the integration key of the PagerDuty service
 */
public record PagerDutySettings(String url, String routingKey) implements ReceiverSettings {
    /** The YAML type name. */
    public static final String TYPE = "pagerduty";
    /** The keys of this kind besides the common ones. */
    public static final List<String> KEYS = List.of("url", "routingKey");
    /** The events endpoint used when {@code url} is not set. */
    public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

    public PagerDutySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(routingKey, "routingKey");
    }

    /** Reads the optional {@code url} and the required {@code routingKey}. */
    public static PagerDutySettings read(ConfigNode r) {
        String url = ReceiverFields.urlOr(r.get("url"), DEFAULT_URL);
        return new PagerDutySettings(url, ReceiverFields.secret(r.require("routingKey"), "a PagerDuty integration key"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secrets() {
        return ReceiverFields.present(url, routingKey);
    }

    @Override
    public String toString() {
        return "PagerDutySettings[url=(hidden), routingKey=(hidden)]";
    }
}
