package dev.bongsu.model.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Which services a fault hits, and from which vantages it is seen: either a list of service ids, or every service
 * that has all the given attributes (none given: every service); {@code vantages} empty means every vantage.
 *
 * @param services   service ids; when not empty no attribute may be set
 * @param provider   only services of this provider, or {@code null}
 * @param datacenter only services in this datacenter, or {@code null}
 * @param region     only services in this region, or {@code null}
 * @param category   only services of this category, or {@code null}
 * @param dependsOn  only services depending on this (or being it), or {@code null}
 * @param vantages   only probes from these vantages see the fault; empty for every vantage
 */
public record Target(List<String> services, String provider, String datacenter, String region, String category,
                     String dependsOn, List<String> vantages) {

    public Target {
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
        if (!services.isEmpty() && hasAttributes(provider, datacenter, region, category, dependsOn)) {
            throw new IllegalArgumentException("a target names either services or attributes, not both");
        }
    }

    private static boolean hasAttributes(String... values) {
        for (String v : values) {
            if (v != null) {
                return true;
            }
        }
        return false;
    }

    /** Every service, from every vantage. */
    public static Target all() {
        return new Target(List.of(), null, null, null, null, null, List.of());
    }

    /** These services. */
    public static Target services(String... ids) {
        return new Target(List.of(ids), null, null, null, null, null, List.of());
    }

    /** Every service in a datacenter. */
    public static Target datacenter(String datacenter) {
        return new Target(List.of(), null, datacenter, null, null, null, List.of());
    }

    /** Every service of one provider in a datacenter. */
    public static Target datacenter(String datacenter, String provider) {
        return new Target(List.of(), provider, datacenter, null, null, null, List.of());
    }

    /** Every service of a provider. */
    public static Target provider(String provider) {
        return new Target(List.of(), provider, null, null, null, null, List.of());
    }

    /** Every service that depends on {@code dependency}. */
    public static Target dependents(String dependency) {
        return new Target(List.of(), null, null, null, null, dependency, List.of());
    }

    /** This target seen only from {@code vantages}. */
    public Target from(List<String> only) {
        return new Target(services, provider, datacenter, region, category, dependsOn, only);
    }

    /** Whether the target selects every service of the fleet. */
    public boolean everyService() {
        return services.isEmpty() && !hasAttributes(provider, datacenter, region, category, dependsOn);
    }

    /** Whether the target selects this service. */
    public boolean matches(FleetService s) {
        if (!services.isEmpty()) {
            return services.contains(s.id());
        }
        return (provider == null || provider.equals(s.provider()))
                && (datacenter == null || datacenter.equals(s.datacenter()))
                && (region == null || region.equals(s.region()))
                && (category == null || category.equals(s.category()))
                && (dependsOn == null || s.dependsOn().contains(dependsOn) || s.id().equals(dependsOn));
    }

    /** Whether probes from {@code vantage} see the fault. */
    public boolean seenFrom(String vantage) {
        return vantages.isEmpty() || vantages.contains(vantage);
    }

    /** Whether the target names exactly one service, so a sentence about it takes a singular verb. */
    public boolean isSingle() {
        return services.size() == 1;
    }

    /** A phrase such as {@code kakao services in pangyo} or {@code kakaotalk and kakaomap}. */
    public String describe() {
        String what;
        if (!services.isEmpty()) {
            what = services.size() == 1 ? services.get(0)
                    : String.join(", ", services.subList(0, services.size() - 1)) + " and " + services.get(services.size() - 1);
        } else {
            List<String> parts = new ArrayList<>();
            parts.add(provider == null ? (category == null ? "all services" : "all " + category + " services")
                    : provider + (category == null ? "" : " " + category) + " services");
            if (datacenter != null) {
                parts.add("in " + datacenter);
            }
            if (region != null) {
                parts.add("in region " + region);
            }
            if (dependsOn != null) {
                parts.add("depending on " + dependsOn);
            }
            what = String.join(" ", parts);
        }
        return vantages.isEmpty() ? what : what + " (seen from " + String.join(", ", vantages) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
