package dev.bongsu.detector.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.config.ServiceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HypothesisRankerTest {
    private final HypothesisRanker ranker = ranker(Fleet.korea());

    private static HypothesisRanker ranker(List<ServiceConfig> fleet) {
        Map<String, ServiceConfig> byId = new LinkedHashMap<>();
        fleet.forEach(s -> byId.put(s.id(), s));
        return new HypothesisRanker(byId, List.of("provider", "datacenter", "region", "dependsOn"));
    }

    @Test
    void aProviderDownInASharedDatacenterIsProviderSide() {
        List<String> kakao = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(ranker.rank(kakao, Set.copyOf(kakao))).containsExactly(
                new Evidence("provider", "kakao", 4, 4),
                new Evidence("datacenter", "pangyo", 4, 6),
                new Evidence("region", "kr-capital", 4, 6),
                new Evidence("dependsOn", "kakao-account", 2, 2));
    }

    @Test
    void aWholeDatacenterBeatsEitherProvider() {
        List<String> pangyo = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "navertalk", "naverpay");
        Hypothesis h = ranker.group(pangyo, Set.copyOf(pangyo));
        assertThat(h.attribute() + "=" + h.value()).isEqualTo("datacenter=pangyo");
        assertThat(h.evidence()).contains(new Evidence("provider", "kakao", 4, 4), new Evidence("provider", "naver", 2, 4));
        assertThat(h.text().en()).isEqualTo("All 6 services of datacenter pangyo are down → failure of the whole datacenter pangyo.");
        assertThat(h.text().ko()).isEqualTo("데이터센터 pangyo의 서비스 6개가 모두 장애입니다 → 데이터센터 pangyo 전체의 장애로 보입니다.");
    }

    @Test
    void aSharedDependencyExplainsItsDependentsBetterThanTheirProvider() {
        Hypothesis h = ranker.group(List.of("kakaobank", "kakaopay"), Set.of("kakaobank", "kakaopay"));
        assertThat(h.evidence().get(0)).isEqualTo(new Evidence("dependsOn", "kakao-account", 2, 2));
        assertThat(h.evidence().get(1)).isEqualTo(new Evidence("provider", "kakao", 2, 4));
    }

    @Test
    void aMonitoredDependencyCountsAsItsOwnDependency() {
        List<ServiceConfig> fleet = new java.util.ArrayList<>(Fleet.korea());
        fleet.add(Fleet.service("kakao-account", "kakao", "ansan", "kr-capital", List.of()));
        HypothesisRanker r = ranker(fleet);
        List<String> members = List.of("kakao-account", "kakaobank", "kakaopay");
        assertThat(r.rank(members, Set.copyOf(members)).get(0)).isEqualTo(new Evidence("dependsOn", "kakao-account", 3, 3));
    }

    @Test
    void partialFailuresAreCountedAndCandidatesCoveringEveryMemberComeFirst() {
        List<String> members = List.of("kakaotalk", "kakaobank", "kakaopay");
        List<Evidence> ranked = ranker.rank(members, Set.copyOf(members));
        assertThat(ranked.get(0)).isEqualTo(new Evidence("provider", "kakao", 3, 4));
        // dependsOn=kakao-account is 2/2 but explains only two of the three members.
        assertThat(ranked.indexOf(new Evidence("dependsOn", "kakao-account", 2, 2))).isGreaterThan(2);
        assertThat(ranker.group(members, Set.copyOf(members)).text().en()).startsWith("3 of 4 services of provider kakao are down");
    }

    @Test
    void relatedServicesShareAValueOfOneAttribute() {
        assertThat(ranker.haveCommonCause(List.of("kakaotalk", "navertalk"), Set.of())).isTrue();
        assertThat(ranker.haveCommonCause(List.of("kakaotalk", "navermap"), Set.of())).isFalse();
        assertThat(ranker.haveCommonCause(List.of("kakaotalk", "navertalk", "navermap"), Set.of())).isFalse();
    }

    @Test
    void aSingleServiceNamesItselfAndItsHealthyPeers() {
        Hypothesis h = ranker.single("kakaotalk", Set.of("kakaotalk"));
        assertThat(h.attribute()).isEqualTo("service");
        assertThat(h.value()).isEqualTo("kakaotalk");
        assertThat(h.text().en()).isEqualTo(
                "Only kakaotalk is failing; the other services of provider kakao (3) and datacenter pangyo (5) are up → a fault of the service itself.");
        assertThat(h.text().ko()).isEqualTo(
                "kakaotalk만 실패하고 있습니다. 제공자 kakao의 다른 서비스(3개), 데이터센터 pangyo의 다른 서비스(5개)는 정상입니다 → 서비스 자체의 장애로 보입니다.");
    }

    /** 15 services, every one in region kr: kakao's five in pangyo, kakaobank (its own provider) on kakao-account. */
    private static List<ServiceConfig> krFleet() {
        List<ServiceConfig> fleet = new java.util.ArrayList<>(List.of(
                Fleet.service("kakaotalk", "kakao", "pangyo", "kr", List.of("kakao-account")),
                Fleet.service("kakaomap", "kakao", "pangyo", "kr", List.of()),
                Fleet.service("kakaopay", "kakao", "pangyo", "kr", List.of("kakao-account")),
                Fleet.service("kakaot", "kakao", "pangyo", "kr", List.of("kakao-account")),
                Fleet.service("kakao-account", "kakao", "pangyo", "kr", List.of()),
                Fleet.service("kakaobank", "kakaobank", "ilsan", "kr", List.of("kakao-account")),
                Fleet.service("navertalk", "naver", "pangyo", "kr", List.of()),
                Fleet.service("naverpay", "naver", "pangyo", "kr", List.of())));
        for (String id : List.of("naverbank", "navermap", "tossbank", "toss", "coupang", "baemin", "kt")) {
            fleet.add(Fleet.service(id, id.startsWith("naver") ? "naver" : id, "dc-" + id, "kr", List.of()));
        }
        return fleet;
    }

    @Test
    void aRegionHeldByTheWholeFleetExplainsLittle() {
        HypothesisRanker r = ranker(krFleet());
        List<String> kakao = List.of("kakaotalk", "kakaomap", "kakaopay", "kakaot", "kakao-account", "kakaobank");
        Hypothesis h = r.group(kakao, Set.copyOf(kakao));
        assertThat(h.attribute() + "=" + h.value()).isEqualTo("provider=kakao");
        assertThat(h.evidence().get(0)).isEqualTo(new Evidence("provider", "kakao", 5, 5));
        assertThat(h.evidence().get(h.evidence().size() - 1)).isEqualTo(new Evidence("region", "kr", 6, 15));
        assertThat(h.text().en()).startsWith("All 5 services of provider kakao are down");
    }

    @Test
    void aServiceIsExplainedThroughItsFailingDependency() {
        HypothesisRanker r = ranker(krFleet());
        List<String> members = List.of("kakao-account", "kakaobank");
        Set<String> failing = Set.copyOf(members);
        assertThat(r.haveCommonCause(members, failing)).isTrue();
        assertThat(r.explained(members, failing, "provider", "kakao")).isEqualTo(2);
        assertThat(r.explained(members, failing, "datacenter", "pangyo")).isEqualTo(2);
        // kakao-account up: kakaobank is on its own, and a region of the whole fleet relates nothing.
        assertThat(r.explained(List.of("kakaobank", "kakaotalk"), Set.of("kakaobank", "kakaotalk"), "provider", "kakao")).isEqualTo(1);
        assertThat(r.haveCommonCause(List.of("kakaobank", "navermap"), Set.of("kakaobank", "navermap"))).isFalse();
    }

    @Test
    void specificityIsWeighedAgainstCoverage() {
        // pangyo: 5 kakao + 2 naver; with 5 kakao down provider kakao (5/5, covers all) beats datacenter pangyo (5/7).
        HypothesisRanker r = ranker(krFleet());
        List<String> kakao = List.of("kakaotalk", "kakaomap", "kakaopay", "kakaot", "kakao-account");
        assertThat(r.rank(kakao, Set.copyOf(kakao)).subList(0, 2)).containsExactly(
                new Evidence("provider", "kakao", 5, 5), new Evidence("datacenter", "pangyo", 5, 7));
        List<String> pangyo = new java.util.ArrayList<>(kakao);
        pangyo.addAll(List.of("navertalk", "naverpay"));
        assertThat(r.rank(pangyo, Set.copyOf(pangyo)).get(0)).isEqualTo(new Evidence("datacenter", "pangyo", 7, 7));
    }
}
