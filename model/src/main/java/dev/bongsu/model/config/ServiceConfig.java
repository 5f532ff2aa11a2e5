package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service the public knows, with the attributes that can be a common cause and its checks.
 *
 * @param id               stable id, e.g. {@code kakaotalk}
 * @param name             display names
 * @param provider         who runs it, e.g. {@code kakao}
 * @param category         messenger, bank, pay, map, …
 * @param datacenter       where it is hosted, or {@code null}
 * @param region           the region it is hosted in, or {@code null}
 * @param dependsOn        shared dependencies (a login, a DNS provider, …)
 * @param publicAttributes which attributes the status page may show
 * @param checks           how it is probed
 */
public record ServiceConfig(
        String id,
        LocalizedText name,
        String provider,
        String category,
        String datacenter,
        String region,
        List<String> dependsOn,
        Set<String> publicAttributes,
        List<CheckConfig> checks) {

    /** Attribute names a service can be correlated on and may publish. */
    public static final List<String> ATTRIBUTES = List.of("provider", "category", "datacenter", "region", "dependsOn");

    public ServiceConfig {
        dependsOn = List.copyOf(dependsOn);
        publicAttributes = Set.copyOf(publicAttributes);
        checks = List.copyOf(checks);
    }

    /** The values of a correlation attribute (several for {@code dependsOn}, none when unset). */
    public List<String> attributeValues(String attribute) {
        return switch (attribute) {
            case "provider" -> List.of(provider);
            case "category" -> List.of(category);
            case "datacenter" -> datacenter == null ? List.of() : List.of(datacenter);
            case "region" -> region == null ? List.of() : List.of(region);
            case "dependsOn" -> dependsOn;
            default -> List.of();
        };
    }

    /** The attributes the config marks public, with their values. */
    public Map<String, Object> publicAttributeValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String a : ATTRIBUTES) {
            if (publicAttributes.contains(a)) {
                List<String> values = attributeValues(a);
                if (!values.isEmpty()) {
                    out.put(a, a.equals("dependsOn") ? values : values.get(0));
                }
            }
        }
        return out;
    }
}
