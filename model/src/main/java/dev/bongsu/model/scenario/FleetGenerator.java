package dev.bongsu.model.scenario;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ConfigNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a large fleet from {@code generate: {providers: 50, servicesPerProvider: 10, datacenters: 10}}.
 *
 * <p>Provider {@code pNN} runs services {@code pNN-sMM}; categories cycle through {@link #CATEGORIES}. Each provider
 * spans two datacenters (even services in {@code dcK}, odd ones in the next), so every datacenter hosts parts of
 * several providers; datacenter {@code dcK} lies in region {@code rK mod regions}. A provider's bank and pay
 * services depend on its login {@code pNN-login}.
 */
final class FleetGenerator {
    static final List<String> CATEGORIES = List.of("messenger", "bank", "pay", "map", "mail", "shop", "video",
            "search", "news", "cloud");
    private static final int MAX_SERVICES = 20_000;

    private FleetGenerator() {
    }

    static Fleet generate(ConfigNode n) {
        n.allowOnly("providers", "servicesPerProvider", "datacenters", "regions");
        int providers = n.require("providers").integer(1, 1000);
        int perProvider = n.require("servicesPerProvider").integer(1, 1000);
        int datacenters = n.require("datacenters").integer(1, 1000);
        int regions = n.get("regions").integerOr(Math.max(1, datacenters / 3), 1, datacenters);
        if ((long) providers * perProvider > MAX_SERVICES) {
            throw n.problem("expected at most " + MAX_SERVICES + " services, found " + providers + " × " + perProvider);
        }
        return generate(providers, perProvider, datacenters, regions);
    }

    static Fleet generate(int providers, int perProvider, int datacenters, int regions) {
        List<FleetService> out = new ArrayList<>();
        for (int p = 0; p < providers; p++) {
            String provider = String.format(Locale.ROOT, "p%02d", p + 1);
            for (int s = 0; s < perProvider; s++) {
                String id = String.format(Locale.ROOT, "%s-s%02d", provider, s + 1);
                int dc = (p + (s % 2)) % datacenters;
                String category = CATEGORIES.get(s % CATEGORIES.size());
                List<String> deps = category.equals("bank") || category.equals("pay") ? List.of(provider + "-login") : List.of();
                out.add(new FleetService(id, new LocalizedText(id, id), provider, category,
                        String.format(Locale.ROOT, "dc%02d", dc + 1), String.format(Locale.ROOT, "r%02d", dc % regions + 1),
                        deps, Duration.ofMillis(15 + (7L * (p + s)) % 50), true));
            }
        }
        return new Fleet(out);
    }
}
