package dev.bongsu.detector.core;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ServiceConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the candidate common causes of a group of failing services and says the best one in Korean and English.
 *
 * <p>Every value of a correlation attribute that explains a member is a candidate. A value <em>explains</em> a
 * member when the member holds it, or when one of the member's {@code dependsOn} is a monitored service that is
 * down and is itself explained by the value (transitively): kakaobank depends on kakao-account, which is provider
 * kakao in datacenter pangyo, so while kakao-account is down kakaobank is explained by provider=kakao and by
 * datacenter=pangyo. A service counts as having {@code dependsOn=X} when it is X itself. For each candidate:
 * <ul>
 *   <li><b>specificity</b> = down / total: of the services holding the value, the share that is affected (a
 *       member, or failing now);</li>
 *   <li><b>coverage</b> = explained / members: the share of the members it explains;</li>
 *   <li><b>score</b> = specificity × coverage².</li>
 * </ul>
 * The highest score ranks first, then the most members explained, then the most services down, then the
 * configured order of the attributes. A value held by every service of a fleet of three or more explains nothing
 * a failure of the whole fleet would not: it ranks last and never makes services related.
 */
public final class HypothesisRanker {
    /** The attribute of a hypothesis that blames one service alone. */
    public static final String SERVICE = "service";
    /** The attribute of a probe-fault hypothesis. */
    public static final String VANTAGE = "vantage";
    /** The attribute of the hypothesis when every vantage fails on everything. */
    public static final String NETWORK = "network";
    /** The attribute of the hypothesis when no vantage reports anything. */
    public static final String MONITORING = "monitoring";
    /** The value of the network and monitoring hypotheses. */
    public static final String ALL_VANTAGES = "all-vantages";

    private final Map<String, ServiceConfig> services;
    private final List<String> attributes;
    private final Set<String> dependencies = new LinkedHashSet<>();

    /** A ranker over the configured services (by id) and the attributes that may name a common cause. */
    public HypothesisRanker(Map<String, ServiceConfig> services, List<String> attributes) {
        this.services = Map.copyOf(services);
        this.attributes = List.copyOf(attributes);
        services.values().forEach(s -> dependencies.addAll(s.dependsOn()));
    }

    /** One candidate cause with its evidence, how many members it explains and its score. */
    record Candidate(Evidence evidence, int explained, double score, boolean fleetWide, int attributeIndex) {
        boolean coversAll(int members) {
            return explained == members;
        }
    }

    /** Every candidate for these members, best first; {@code failing} are the services failing now. */
    List<Candidate> candidates(Collection<String> members, Set<String> failing) {
        Set<String> affected = new LinkedHashSet<>(members);
        affected.addAll(failing);
        List<Candidate> out = new ArrayList<>();
        for (int ai = 0; ai < attributes.size(); ai++) {
            String attribute = attributes.get(ai);
            Set<String> valuesSeen = new LinkedHashSet<>();
            for (String m : members) {
                collectValues(m, attribute, affected, valuesSeen, new HashSet<>());
            }
            for (String value : valuesSeen) {
                int total = 0;
                int down = 0;
                for (String other : services.keySet()) {
                    if (values(other, attribute).contains(value)) {
                        total++;
                        down += affected.contains(other) ? 1 : 0;
                    }
                }
                int explained = (int) members.stream().filter(m -> explains(m, attribute, value, affected, new HashSet<>())).count();
                double specificity = total == 0 ? 0 : (double) down / total;
                double coverage = (double) explained / members.size();
                boolean fleetWide = services.size() >= 3 && total == services.size();
                out.add(new Candidate(new Evidence(attribute, value, down, total), explained,
                        specificity * coverage * coverage, fleetWide, ai));
            }
        }
        out.sort(Comparator.comparing(Candidate::fleetWide)
                .thenComparing(c -> -c.score())
                .thenComparing(c -> -c.explained())
                .thenComparing(c -> -c.evidence().down())
                .thenComparingInt(Candidate::attributeIndex)
                .thenComparing(c -> c.evidence().value()));
        return out;
    }

    /** The ranked evidence for a group of member services, given which services are failing now. */
    public List<Evidence> rank(Collection<String> members, Set<String> failing) {
        return candidates(members, failing).stream().map(Candidate::evidence).toList();
    }

    /** Whether one value, not held by the whole fleet, explains every one of these services. */
    public boolean haveCommonCause(Collection<String> group, Set<String> failing) {
        return candidates(group, failing).stream().anyMatch(c -> !c.fleetWide() && c.coversAll(group.size()));
    }

    /** How many of {@code members} the value explains (directly or through a failing dependency). */
    int explained(Collection<String> members, Set<String> failing, String attribute, String value) {
        Set<String> affected = new LinkedHashSet<>(members);
        affected.addAll(failing);
        return (int) members.stream().filter(m -> explains(m, attribute, value, affected, new HashSet<>())).count();
    }

    /**
     * The services of {@code suspects} that share one cause with at least {@code atLeast} of them (not a value of the
     * whole fleet): the ones that may be confirmed together.
     */
    Set<String> sharingACause(Set<String> suspects, int atLeast) {
        Set<String> out = new LinkedHashSet<>();
        if (suspects.size() < atLeast) {
            return out;
        }
        for (Candidate c : candidates(suspects, suspects)) {
            if (c.fleetWide() || c.explained() < atLeast) {
                continue;
            }
            for (String s : suspects) {
                if (explains(s, c.evidence().attribute(), c.evidence().value(), suspects, new HashSet<>())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The hypothesis of a correlated incident: the top candidate and its evidence in a plain sentence. */
    public Hypothesis group(Collection<String> members, Set<String> failing) {
        List<Candidate> ranked = candidates(members, failing);
        List<Evidence> evidence = ranked.stream().map(Candidate::evidence).toList();
        if (ranked.isEmpty()) {
            return new Hypothesis(SERVICE, String.join(",", members), Wording.noCommonAttribute(members.size()), List.of());
        }
        Candidate topCandidate = ranked.get(0);
        Evidence top = topCandidate.evidence();
        List<LocalizedText> details = new ArrayList<>();
        if (!topCandidate.coversAll(members.size())) {
            details.add(Wording.explainsOnly(topCandidate.explained(), members.size()));
        }
        Candidate context = ranked.stream().skip(1)
                .filter(c -> !c.evidence().attribute().equals(top.attribute()) && c.evidence().down() < c.evidence().total()
                        && !c.fleetWide() && members.stream().allMatch(m -> values(m, c.evidence().attribute()).contains(c.evidence().value())))
                .findFirst().orElse(null);
        if (context != null) {
            List<String> others = unaffected(context.evidence(), members, failing);
            Set<String> providers = new LinkedHashSet<>();
            others.forEach(o -> providers.add(services.get(o).provider()));
            String memberProvider = services.get(members.iterator().next()).provider();
            String only = providers.size() == 1 && !providers.contains(memberProvider) ? providers.iterator().next() : null;
            details.add(Wording.context(context.evidence(), only, others.size()));
        }
        return new Hypothesis(top.attribute(), top.value(), Wording.sentence(Wording.groupHead(top), details,
                Wording.meaning(top)), evidence);
    }

    /** The hypothesis of a one-service incident: the service itself, with the evidence that its peers are up. */
    public Hypothesis single(String serviceId, Set<String> failing) {
        List<Evidence> evidence = rank(List.of(serviceId), failing);
        List<Evidence> healthyPeers = evidence.stream().filter(e -> e.total() > 1 && e.down() == 1).limit(2).toList();
        return new Hypothesis(SERVICE, serviceId, Wording.onlyService(serviceId, healthyPeers), evidence);
    }

    /** Whether every one of {@code members} lets the status page show {@code attribute}. */
    boolean isPublic(Collection<String> members, String attribute) {
        return members.stream().allMatch(m -> services.containsKey(m) && services.get(m).publicAttributes().contains(attribute));
    }

    private boolean explains(String s, String attribute, String value, Set<String> affected, Set<String> visited) {
        if (!visited.add(s)) {
            return false;
        }
        if (values(s, attribute).contains(value)) {
            return true;
        }
        ServiceConfig sc = services.get(s);
        if (sc == null) {
            return false;
        }
        for (String d : sc.dependsOn()) {
            if (!d.equals(s) && services.containsKey(d) && affected.contains(d) && explains(d, attribute, value, affected, visited)) {
                return true;
            }
        }
        return false;
    }

    private void collectValues(String s, String attribute, Set<String> affected, Set<String> out, Set<String> visited) {
        if (!visited.add(s)) {
            return;
        }
        out.addAll(values(s, attribute));
        ServiceConfig sc = services.get(s);
        if (sc == null) {
            return;
        }
        for (String d : sc.dependsOn()) {
            if (services.containsKey(d) && affected.contains(d)) {
                collectValues(d, attribute, affected, out, visited);
            }
        }
    }

    private List<String> values(String serviceId, String attribute) {
        ServiceConfig s = services.get(serviceId);
        if (s == null) {
            return List.of();
        }
        List<String> vs = s.attributeValues(attribute);
        if (attribute.equals("dependsOn") && dependencies.contains(serviceId) && !vs.contains(serviceId)) {
            List<String> withSelf = new ArrayList<>(vs);
            withSelf.add(serviceId);
            return withSelf;
        }
        return vs;
    }

    private List<String> unaffected(Evidence e, Collection<String> members, Set<String> failing) {
        List<String> out = new ArrayList<>();
        for (String s : services.keySet()) {
            if (values(s, e.attribute()).contains(e.value()) && !members.contains(s) && !failing.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
