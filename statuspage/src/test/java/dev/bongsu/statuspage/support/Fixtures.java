package dev.bongsu.statuspage.support;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Health;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A configuration with two providers sharing a datacenter, and the incidents of a dc-fire. */
public final class Fixtures {
    /** The admin token of the test config. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** Strings from the config that must never appear in a public answer. */
    public static final List<String> SECRETS = List.of(ADMIN_TOKEN, "secret-origin.kakao.internal", "10.20.30.40",
            "naver-backend.corp", "api.toss.internal", "/health-check-xyz", ":8443");
    /** The kakao services in pangyo. */
    public static final List<String> KAKAO = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
    /** Every service id. */
    public static final List<String> ALL = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "naver", "naverpay",
            "navermap", "toss");

    private Fixtures() {
    }

    /** The test configuration with storage under {@code dir}. */
    public static BongsuConfig config(Path dir) {
        String yaml = """
                http: {host: 127.0.0.1, port: 0, publicUrl: "https://status.example.kr"}
                admin: {token: "%s"}
                vantages:
                  - {name: seoul-kt, region: kr-seoul, public: true}
                  - {name: busan-skb, region: kr-busan, public: true}
                  - {name: tokyo-aws, region: jp-tokyo, public: true}
                storage: {dir: "%s"}
                statusPage:
                  title: {ko: "서비스 상태 <봉수>", en: "Service status <Bongsu>"}
                  description: {ko: "한국 주요 서비스의 상태", en: "Health of major Korean services"}
                services:
                %s
                """.formatted(ADMIN_TOKEN, dir.toString().replace("\\", "/"), String.join("", List.of(
                service("kakaotalk", "카카오톡", "KakaoTalk", "kakao", "messenger", "pangyo", "https://secret-origin.kakao.internal:8443/health-check-xyz"),
                service("kakaobank", "카카오뱅크", "KakaoBank", "kakao", "bank", "pangyo", "https://10.20.30.40:8443/health-check-xyz"),
                service("kakaopay", "카카오페이", "KakaoPay", "kakao", "pay", "pangyo", "https://secret-origin.kakao.internal/pay"),
                service("kakaomap", "카카오맵", "KakaoMap", "kakao", "map", "pangyo", "https://secret-origin.kakao.internal/map"),
                service("naver", "네이버", "NAVER", "naver", "portal", "pangyo", "https://naver-backend.corp/health"),
                service("naverpay", "네이버페이", "Naver Pay", "naver", "pay", "pangyo", "https://naver-backend.corp/pay"),
                service("navermap", "네이버 지도", "Naver Map", "naver", "map", "chuncheon", "https://naver-backend.corp/map"),
                service("toss", "토스", "Toss <script>alert(1)</script>", "viva", "bank", "gasan", "https://api.toss.internal/health"))));
        return new ConfigLoader(Map.of()).parse("test.yaml", yaml);
    }

    private static String service(String id, String ko, String en, String provider, String category, String dc, String url) {
        return """
                  - id: %s
                    name: {ko: "%s", en: "%s"}
                    provider: %s
                    category: %s
                    datacenter: %s
                    public: [provider, category, datacenter]
                    checks:
                      - type: https
                        url: "%s"
                """.formatted(id, ko, en, provider, category, dc, url);
    }

    /** Every service up since {@code since}. */
    public static List<ServiceState> allUp(Instant since) {
        return ALL.stream().map(id -> new ServiceState(id, Health.UP, since, null)).toList();
    }

    /** The correlated dc-fire incident after {@code sequence} transitions (1 opened, 2 resolved). */
    public static Incident dcFire(Instant start, boolean resolved) {
        Hypothesis h = new Hypothesis("provider", "kakao",
                new LocalizedText("카카오의 서비스 4개가 모두 장애이며 모두 판교 데이터센터에 있습니다. 판교의 네이버 서비스는 정상 → 제공사 측 장애로 추정됩니다.",
                        "All 4 services of provider kakao are down, all hosted in datacenter pangyo; naver services in pangyo are "
                                + "unaffected → a provider-side failure."),
                List.of(new Evidence("provider", "kakao", 4, 4), new Evidence("datacenter", "pangyo", 4, 6),
                        new Evidence("category", "pay", 1, 2)));
        List<TimelineEntry> tl = new ArrayList<>();
        tl.add(new TimelineEntry(1, start, TransitionType.OPENED,
                new LocalizedText("카카오톡, 카카오뱅크, 카카오페이, 카카오맵 장애 발생", "KakaoTalk, KakaoBank, KakaoPay and KakaoMap went down"), KAKAO));
        Instant end = start.plus(Duration.ofMinutes(42));
        if (resolved) {
            tl.add(new TimelineEntry(2, end, TransitionType.RESOLVED,
                    new LocalizedText("모든 서비스 복구", "All services recovered"), KAKAO));
        }
        return new Incident("inc-dcfire-1", resolved ? 2 : 1, IncidentKind.CORRELATED, resolved ? IncidentState.RESOLVED : IncidentState.OPEN,
                Severity.CRITICAL, KAKAO, List.of("seoul-kt", "busan-skb", "tokyo-aws"), start, resolved ? end : start,
                resolved ? end : null, new LocalizedText("카카오 서비스 4개 동시 장애", "4 kakao services down at once"), h, null, tl);
    }

    /** A resolved single-service incident from the past. */
    public static Incident pastNaver(Instant start) {
        Instant end = start.plus(Duration.ofMinutes(7));
        return new Incident("inc-naver-0", 2, IncidentKind.SERVICE, IncidentState.RESOLVED, Severity.WARNING, List.of("naver"),
                List.of("seoul-kt", "tokyo-aws"), start, end, end, new LocalizedText("네이버 응답 지연", "NAVER slow"),
                new Hypothesis("service", "naver", new LocalizedText("네이버만 느림", "Only NAVER is slow"), List.of()), null,
                List.of(new TimelineEntry(1, start, TransitionType.OPENED, new LocalizedText("응답 지연", "Latency doubled"), List.of("naver")),
                        new TimelineEntry(2, end, TransitionType.RESOLVED, new LocalizedText("복구", "Recovered"), List.of("naver"))));
    }

    /** A probe fault, which the public must never see. */
    public static Incident probeFault(Instant start) {
        return new Incident("inc-probe-1", 1, IncidentKind.PROBE_FAULT, IncidentState.OPEN, Severity.INFO, List.of(),
                List.of("tokyo-aws"), start, start, null, new LocalizedText("관측 지점 장애 tokyo", "vantage tokyo-aws lost its network"),
                null, null, List.of());
    }
}
