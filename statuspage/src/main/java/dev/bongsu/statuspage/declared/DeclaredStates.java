package dev.bongsu.statuspage.declared;

import dev.bongsu.model.Health;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceState;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state the page shows for a service named by an open declared incident: the worse of what the detector says
 * and the declared impact (degraded and partial outage show as degraded, major outage as down), since the
 * declaration, with the operator's title as the reason. Only the page's states change; the detector's do not.
 */
public final class DeclaredStates {
    private DeclaredStates() {
    }

    /** The states with every open declared incident applied. */
    public static Map<String, ServiceState> overlay(Map<String, ServiceState> states, List<PublicIncident> incidents) {
        Map<String, ServiceState> out = new HashMap<>(states);
        for (PublicIncident i : incidents) {
            if (!i.isDeclared() || !i.isOpen() || i.impact() == null || i.timeline().isEmpty()) {
                continue;
            }
            Health declared = i.impact().health();
            LocalizedText reason = new LocalizedText(Texts.t(Lang.KO, "declared.reason", i.title().ko()),
                    Texts.t(Lang.EN, "declared.reason", i.title().en()));
            // the services named now are those of its latest change
            for (String s : i.timeline().get(i.timeline().size() - 1).services()) {
                ServiceState current = out.get(s);
                if (current == null || rank(declared) > rank(current.health())) {
                    out.put(s, new ServiceState(s, declared, i.startedAt(), reason));
                }
            }
        }
        return out;
    }

    private static int rank(Health h) {
        return switch (h) {
            case UP -> 0;
            case UNKNOWN -> 1;
            case DEGRADED -> 2;
            case DOWN -> 3;
        };
    }
}
