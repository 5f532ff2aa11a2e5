package dev.bongsu.detector.core;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ServiceConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the candidate common causes of a group of failing services and says the best one in Korean and English.
 *
 * <p>Every value of a correlation attribute held by a member is a candidate, with its evidence: how many of the
 * services having that value are affected (members of the group, or failing now) out of how many have it.
 * Candidates held by every member come first, then the highest affected share, then the most affected services,
 * then the configured order of the attributes. A service counts as having {@code dependsOn=X} when it is X itself.
 */
public final class HypothesisRanker {
    /** The attribute of a hypothesis that blames one service alone. */
    public static final String SERVICE = "service";
    /** The attribute of a probe-fault hypothesis. */
    public static final String VANTAGE = "vantage";
    /** The attribute of the hypothesis when every vantage fails on everything. */
    public static final String NETWORK = "network";

    private final Map<String, ServiceConfig> services;
    private final List<String> attributes;
    private final Set<String> dependencies = new LinkedHashSet<>();

    /** A ranker over the configured services (by id) and the attributes that may name a common cause. */
    public HypothesisRanker(Map<String, ServiceConfig> services, List<String> attributes) {
        this.services = Map.copyOf(services);
        this.attributes = List.copyOf(attributes);
        services.values().forEach(s -> dependencies.addAll(s.dependsOn()));
    }

    private record Candidate(Evidence evidence, boolean coversAll, int attributeIndex) {
    }

    /** The ranked evidence for a group of member services, given which services are failing now. */
    public List<Evidence> rank(Collection<String> members, Set<String> failing) {
        List<Candidate> candidates = new ArrayList<>();
        for (int ai = 0; ai < attributes.size(); ai++) {
            String attribute = attributes.get(ai);
            Set<String> valuesSeen = new LinkedHashSet<>();
            for (String m : members) {
                valuesSeen.addAll(values(m, attribute));
            }
            for (String value : valuesSeen) {
                int total = 0;
                int down = 0;
                for (String other : services.keySet()) {
                    if (values(other, attribute).contains(value)) {
                        total++;
                        if (members.contains(other) || failing.contains(other)) {
                            down++;
                        }
                    }
                }
                boolean coversAll = members.stream().allMatch(m -> values(m, attribute).contains(value));
                candidates.add(new Candidate(new Evidence(attribute, value, down, total), coversAll, ai));
            }
        }
        candidates.sort(Comparator
                .comparing((Candidate c) -> !c.coversAll())
                .thenComparing(c -> -c.evidence().ratio())
                .thenComparing(c -> -c.evidence().down())
                .thenComparingInt(Candidate::attributeIndex)
                .thenComparing(c -> c.evidence().value()));
        return candidates.stream().map(Candidate::evidence).toList();
    }

    /** Whether every one of these services shares at least one value of one correlation attribute. */
    public boolean haveCommonCause(Collection<String> group) {
        for (String attribute : attributes) {
            Set<String> common = null;
            for (String s : group) {
                Set<String> vs = new LinkedHashSet<>(values(s, attribute));
                if (common == null) {
                    common = vs;
                } else {
                    common.retainAll(vs);
                }
            }
            if (common != null && !common.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The hypothesis of a correlated incident: the top candidate and its evidence in a plain sentence. */
    public Hypothesis group(Collection<String> members, Set<String> failing) {
        List<Evidence> evidence = rank(members, failing);
        if (evidence.isEmpty()) {
            return new Hypothesis(SERVICE, String.join(",", members),
                    new LocalizedText("서비스 " + members.size() + "개가 함께 실패했지만 공통 속성이 없습니다.",
                            members.size() + " services failed together but share no attribute."), List.of());
        }
        Evidence top = evidence.get(0);
        LocalizedText label = label(top.attribute());
        StringBuilder en = new StringBuilder();
        StringBuilder ko = new StringBuilder();
        if (top.down() == top.total()) {
            en.append(top.total() == 1 ? "The only service" : "All " + top.total() + " services");
            ko.append(label.ko()).append(' ').append(top.value()).append("의 서비스 ").append(top.total())
                    .append("개가 모두 중단되었습니다");
        } else {
            en.append(top.down()).append(" of ").append(top.total()).append(" services");
            ko.append(label.ko()).append(' ').append(top.value()).append("의 서비스 ").append(top.total())
                    .append("개 중 ").append(top.down()).append("개가 중단되었습니다");
        }
        en.append(" of ").append(label.en()).append(' ').append(top.value())
                .append(top.down() == 1 ? " is down" : " are down");
        Evidence context = evidence.stream().skip(1)
                .filter(e -> !e.attribute().equals(top.attribute()) && e.down() < e.total()
                        && members.stream().allMatch(m -> values(m, e.attribute()).contains(e.value())))
                .findFirst().orElse(null);
        if (context != null) {
            LocalizedText cl = label(context.attribute());
            List<String> others = unaffected(context, members, failing);
            Set<String> providers = new LinkedHashSet<>();
            others.forEach(o -> providers.add(services.get(o).provider()));
            en.append(", all ").append(preposition(context.attribute())).append(' ').append(cl.en()).append(' ')
                    .append(context.value()).append("; ");
            ko.append(" (모두 ").append(cl.ko()).append(' ').append(context.value()).append("). ");
            if (providers.size() == 1 && !providers.contains(services.get(members.iterator().next()).provider())) {
                String p = providers.iterator().next();
                en.append(p).append(" services in ").append(context.value()).append(" are unaffected");
                ko.append(context.value()).append("의 ").append(p).append(" 서비스는 정상입니다");
            } else {
                int n = others.size();
                en.append("the other ").append(n).append(n == 1 ? " service in " : " services in ")
                        .append(context.value()).append(n == 1 ? " is unaffected" : " are unaffected");
                ko.append(context.value()).append("의 다른 서비스 ").append(n).append("개는 정상입니다");
            }
        }
        LocalizedText cause = cause(top);
        en.append(" → ").append(cause.en()).append('.');
        ko.append(" → ").append(cause.ko()).append('.');
        return new Hypothesis(top.attribute(), top.value(), new LocalizedText(ko.toString(), en.toString()), evidence);
    }

    /** The hypothesis of a one-service incident: the service itself, with the evidence that its peers are up. */
    public Hypothesis single(String serviceId, Set<String> failing) {
        List<Evidence> evidence = rank(List.of(serviceId), failing);
        List<Evidence> healthyPeers = evidence.stream().filter(e -> e.total() > 1 && e.down() == 1).limit(2).toList();
        StringBuilder en = new StringBuilder("Only ").append(serviceId).append(" is failing");
        StringBuilder ko = new StringBuilder(serviceId).append("만 실패하고 있습니다");
        if (!healthyPeers.isEmpty()) {
            en.append("; the other services of ");
            ko.append(". ");
            for (int i = 0; i < healthyPeers.size(); i++) {
                Evidence e = healthyPeers.get(i);
                en.append(i == 0 ? "" : " and ").append(label(e.attribute()).en()).append(' ').append(e.value())
                        .append(" (").append(e.total() - 1).append(')');
                ko.append(i == 0 ? "" : ", ").append(label(e.attribute()).ko()).append(' ').append(e.value())
                        .append("의 다른 서비스(").append(e.total() - 1).append("개)");
            }
            en.append(" are up");
            ko.append("는 정상입니다");
        }
        en.append(" → a fault of the service itself.");
        ko.append(" → 서비스 자체의 장애로 보입니다.");
        return new Hypothesis(SERVICE, serviceId, new LocalizedText(ko.toString(), en.toString()), evidence);
    }

    /** The hypothesis of a probe fault at one vantage: broad unconfirmed failure, or silence. */
    public static Hypothesis probeFault(String vantage, int unconfirmed, int checks, boolean silent) {
        LocalizedText text = silent
                ? new LocalizedText("관측 지점 " + vantage + "에서 결과가 오지 않습니다 → 프로브 측 장애(프로브 프로세스나 네트워크)로 보입니다. 정족수에서 제외했습니다.",
                        "No results arrive from vantage " + vantage + " → a fault on the probe's side (its process or network); it is left out of the quorum.")
                : new LocalizedText("관측 지점 " + vantage + "에서 점검 " + checks + "개 중 " + unconfirmed
                        + "개가 실패하지만 다른 관측 지점에서는 정상입니다 → 프로브 측 장애(그 지점의 네트워크)로 보입니다. 정족수에서 제외했습니다.",
                        "Vantage " + vantage + " fails " + unconfirmed + " of " + checks
                                + " checks that the other vantages see up → a fault on the probe's side (its network or host); it is left out of the quorum.");
        return new Hypothesis(VANTAGE, vantage, text, List.of(new Evidence(VANTAGE, vantage, unconfirmed, checks)));
    }

    /** The hypothesis when every vantage fails on (nearly) everything. */
    public static Hypothesis network(int vantages, int failingChecks, int checks) {
        LocalizedText text = new LocalizedText(
                "모든 관측 지점(" + vantages + "곳)에서 거의 모든 점검이 실패합니다 (" + failingChecks + "/" + checks
                        + ") → 모니터 자체의 네트워크 장애이거나 전국적인 통신 장애로 보입니다.",
                "Every vantage (" + vantages + ") fails nearly every check (" + failingChecks + " of " + checks
                        + ") → the monitor's own network, or a nationwide network outage.");
        return new Hypothesis(NETWORK, "all-vantages", text,
                List.of(new Evidence(NETWORK, "all-vantages", failingChecks, checks)));
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

    private static LocalizedText label(String attribute) {
        return switch (attribute) {
            case "provider" -> new LocalizedText("제공자", "provider");
            case "datacenter" -> new LocalizedText("데이터센터", "datacenter");
            case "region" -> new LocalizedText("지역", "region");
            case "dependsOn" -> new LocalizedText("공통 의존성", "shared dependency");
            case "category" -> new LocalizedText("분류", "category");
            default -> new LocalizedText(attribute, attribute);
        };
    }

    private static String preposition(String attribute) {
        return switch (attribute) {
            case "datacenter", "region" -> "hosted in";
            case "dependsOn" -> "depending on";
            default -> "of";
        };
    }

    private static LocalizedText cause(Evidence top) {
        return switch (top.attribute()) {
            case "provider" -> new LocalizedText("제공자 측 장애로 보입니다", "provider-side failure");
            case "datacenter" -> new LocalizedText("데이터센터 " + top.value() + " 전체의 장애로 보입니다",
                    "failure of the whole datacenter " + top.value());
            case "region" -> new LocalizedText("지역 " + top.value() + "의 장애로 보입니다", "regional failure in " + top.value());
            case "dependsOn" -> new LocalizedText("공통 의존성 " + top.value() + "의 장애로 보입니다",
                    "failure of the shared dependency " + top.value());
            case "category" -> new LocalizedText("분류 " + top.value() + " 전체의 장애로 보입니다",
                    "failure across category " + top.value());
            default -> new LocalizedText(top.attribute() + "=" + top.value() + " 장애로 보입니다",
                    "failure of " + top.attribute() + "=" + top.value());
        };
    }
}
