package dev.bongsu.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Which services a fault applies to: either a list of service ids, or every service that matches all of the
 * given attributes (provider, datacenter, region, dependency).
 *
 * @param services   service ids; when not empty no attribute may be set
 * @param provider   only services of this provider, or {@code null}
 * @param datacenter only services in this datacenter, or {@code null}
 * @param region     only services in this region, or {@code null}
 * @param dependsOn  only services depending on this, or {@code null}
 */
public record FaultTarget(List<String> services, String provider, String datacenter, String region, String dependsOn) {

    public FaultTarget {
        services = List.copyOf(services);
        boolean attributes = provider != null || datacenter != null || region != null || dependsOn != null;
        if (!services.isEmpty() && attributes) {
            throw new IllegalArgumentException("a target names either services or attributes, not both");
        }
        if (services.isEmpty() && !attributes) {
            throw new IllegalArgumentException("a target needs services or at least one attribute");
        }
    }

    /** These services. */
    public static FaultTarget services(String... ids) {
        return new FaultTarget(List.of(ids), null, null, null, null);
    }

    /** Every service in a datacenter. */
    public static FaultTarget datacenter(String datacenter) {
        return new FaultTarget(List.of(), null, datacenter, null, null);
    }

    /** Every service of one provider in a datacenter. */
    public static FaultTarget datacenter(String datacenter, String provider) {
        return new FaultTarget(List.of(), provider, datacenter, null, null);
    }

    /** Every service of a provider. */
    public static FaultTarget provider(String provider) {
        return new FaultTarget(List.of(), provider, null, null, null);
    }

    /** Every service that depends on {@code dependency}. */
    public static FaultTarget dependents(String dependency) {
        return new FaultTarget(List.of(), null, null, null, dependency);
    }

    /** Whether the target selects this service. */
    public boolean matches(SimulatedService s) {
        if (!services.isEmpty()) {
            return services.contains(s.id());
        }
        return (provider == null || provider.equals(s.provider()))
                && (datacenter == null || datacenter.equals(s.datacenter()))
                && (region == null || region.equals(s.region()))
                && (dependsOn == null || s.dependsOn().contains(dependsOn));
    }

    /** Whether the target names exactly one service, so a sentence about it takes a singular verb. */
    public boolean isSingle() {
        return services.size() == 1;
    }

    /** A phrase such as {@code kakao services in pangyo} or {@code kakaotalk and kakaomap}. */
    public String describe() {
        if (!services.isEmpty()) {
            if (services.size() == 1) {
                return services.get(0);
            }
            return String.join(", ", services.subList(0, services.size() - 1)) + " and " + services.get(services.size() - 1);
        }
        List<String> parts = new ArrayList<>();
        parts.add(provider == null ? "all services" : provider + " services");
        if (datacenter != null) {
            parts.add("in " + datacenter);
        }
        if (region != null) {
            parts.add("in region " + region);
        }
        if (dependsOn != null) {
            parts.add("depending on " + dependsOn);
        }
        return String.join(" ", parts);
    }

    @Override
    public String toString() {
        return describe();
    }
}
