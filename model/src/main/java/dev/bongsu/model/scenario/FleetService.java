package dev.bongsu.model.scenario;

import dev.bongsu.model.LocalizedText;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One service of a scenario fleet: who runs it, where it is hosted, what it needs and how fast it usually answers.
 *
 * @param id            stable id, e.g. {@code kakaotalk}
 * @param name          display names in Korean and English
 * @param provider      who runs it, e.g. {@code kakao}
 * @param category      messenger, bank, pay, map, …
 * @param datacenter    where it is hosted, e.g. {@code pangyo}, or {@code null}
 * @param region        the region of the datacenter, or {@code null}
 * @param dependsOn     shared dependencies such as a common login
 * @param medianLatency the median of its answer time; zero answers at once
 * @param critical      whether its check is critical
 */
public record FleetService(String id, LocalizedText name, String provider, String category, String datacenter,
                           String region, List<String> dependsOn, Duration medianLatency, boolean critical) {

    public FleetService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(category, "category");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(medianLatency, "medianLatency");
        if (medianLatency.isNegative()) {
            throw new IllegalArgumentException("medianLatency must not be negative: " + medianLatency);
        }
    }
}
