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
        assertThat(h.text().ko()).isEqualTo("데이터센터 pangyo의 서비스 6개가 모두 중단되었습니다 → 데이터센터 pangyo 전체의 장애로 보입니다.");
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
        assertThat(ranker.haveCommonCause(List.of("kakaotalk", "navertalk"))).isTrue();
        assertThat(ranker.haveCommonCause(List.of("kakaotalk", "navermap"))).isFalse();
        assertThat(ranker.haveCommonCause(List.of("kakaotalk", "navertalk", "navermap"))).isFalse();
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
}
