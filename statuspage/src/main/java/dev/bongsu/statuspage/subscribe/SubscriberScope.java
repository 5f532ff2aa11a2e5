package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.config.BongsuConfig;
import java.util.List;
import java.util.Set;

/**
 * What a subscriber wants to hear about: everything when all three sets are empty, else any service that is
 * listed, or whose provider or category is listed.
 *
 * @param providers  provider values
 * @param categories category values
 * @param services   service ids
 */
public record SubscriberScope(Set<String> providers, Set<String> categories, Set<String> services) {
    public SubscriberScope {
        providers = Set.copyOf(providers);
        categories = Set.copyOf(categories);
        services = Set.copyOf(services);
    }

    /** Everything. */
    public static SubscriberScope everything() {
        return new SubscriberScope(Set.of(), Set.of(), Set.of());
    }

    /** Whether this scope is everything. */
    public boolean isEverything() {
        return providers.isEmpty() && categories.isEmpty() && services.isEmpty();
    }

    /** Whether a notice about these services concerns this scope (a notice about no service concerns everyone). */
    public boolean covers(List<String> serviceIds, BongsuConfig cfg) {
        if (isEverything() || serviceIds.isEmpty()) {
            return true;
        }
        for (String id : serviceIds) {
            if (services.contains(id)) {
                return true;
            }
            var s = cfg.service(id);
            if (s.isPresent() && (s.get().attributeValues("provider").stream().anyMatch(providers::contains)
                    || s.get().attributeValues("category").stream().anyMatch(categories::contains))) {
                return true;
            }
        }
        return false;
    }
}
