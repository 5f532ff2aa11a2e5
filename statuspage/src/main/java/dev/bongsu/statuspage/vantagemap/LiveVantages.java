package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.Incident;
import dev.bongsu.model.VantageHealth;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live outage map: what each vantage sees now, from the detector's per-vantage state, laid over what the stored
 * minutes say. Stored minutes close a few minutes late, so without this a reader asking "is it my ISP?" during the
 * first minutes of an outage would read "no data". A live tally counts checks, not probes: {@code total} is the
 * checks with a fresh result from that vantage, {@code failed} those it sees failing.
 */
public final class LiveVantages {
    private LiveVantages() {
    }

    /**
     * {@code measured} with every service the detector reports taken from {@code live}, and every open incident's
     * map taken from {@code live} summed over its services (since its start); the rest as measured.
     */
    public static VantageMeasurements overlay(VantageMeasurements measured, List<VantageHealth> live, List<Incident> open, Instant now) {
        if (live.isEmpty()) {
            return measured;
        }
        Map<String, Map<String, VantageTally>> byService = new LinkedHashMap<>();
        for (VantageHealth h : live) {
            byService.computeIfAbsent(h.serviceId(), s -> new LinkedHashMap<>())
                    .merge(h.vantage(), new VantageTally(h.vantage(), h.checks(), h.failing()), VantageTally::plus);
        }
        Map<String, MeasuredWindow> services = new HashMap<>(measured.services());
        byService.forEach((id, tallies) -> services.put(id, new MeasuredWindow(now, now, tallies, false)));
        Map<String, MeasuredWindow> incidents = new HashMap<>(measured.incidents());
        for (Incident i : open) {
            Map<String, VantageTally> sum = new LinkedHashMap<>();
            for (String s : i.services()) {
                byService.getOrDefault(s, Map.of()).values().forEach(t -> sum.merge(t.vantage(), t, VantageTally::plus));
            }
            if (!sum.isEmpty()) {
                incidents.put(i.id(), new MeasuredWindow(i.startedAt(), now, sum, false));
            }
        }
        return new VantageMeasurements(services, incidents);
    }
}
