package dev.bongsu.alerting.route;

import dev.bongsu.model.Incident;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.ServiceConfig;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Channel independence: a receiver that depends on a provider or service is not trusted alone while that
 * dependency is part of an open incident; its fallback gets the notification too, with the reason.
 */
public final class FallbackPolicy {
    private FallbackPolicy() {
    }

    /** Why {@code receiver}'s fallback should also be notified now, or empty. */
    public static Optional<String> reason(ReceiverConfig receiver, Collection<Incident> open, Map<String, ServiceConfig> services) {
        if (receiver.fallback() == null || receiver.dependsOn().isEmpty()) {
            return Optional.empty();
        }
        for (Incident i : open) {
            if (!i.isOpen()) {
                continue;
            }
            for (String s : i.services()) {
                ServiceConfig sc = services.get(s);
                for (String dep : receiver.dependsOn()) {
                    if (dep.equals(s) || (sc != null && dep.equals(sc.provider()))) {
                        return Optional.of("Also sent to '" + receiver.fallback() + "' because receiver '" + receiver.name()
                                + "' depends on " + dep + ", which is part of open incident " + i.id() + " (" + i.title().en() + ").");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The notice for a fallback told again because it was told of the incident before, when no dependency is failing now. */
    static String toldBefore(String fallback, String receiver) {
        return "Also sent to '" + fallback + "' because it was told of this incident while receiver '" + receiver
                + "' was not trusted alone.";
    }
}
