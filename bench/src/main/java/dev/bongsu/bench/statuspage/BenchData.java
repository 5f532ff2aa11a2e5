package dev.bongsu.bench.statuspage;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Health;
import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Made-up data for the status page benchmark: 12 services, a dc-fire in progress, 60 days of history. */
final class BenchData implements LiveStatus, IncidentReader, HistoryReader {
    static final String[][] SERVICES = {
            {"kakaotalk", "카카오톡", "KakaoTalk", "kakao", "messenger"}, {"kakaobank", "카카오뱅크", "KakaoBank", "kakao", "bank"},
            {"kakaopay", "카카오페이", "KakaoPay", "kakao", "pay"}, {"kakaomap", "카카오맵", "KakaoMap", "kakao", "map"},
            {"naver", "네이버", "NAVER", "naver", "portal"}, {"naverpay", "네이버페이", "Naver Pay", "naver", "pay"},
            {"navermap", "네이버 지도", "Naver Map", "naver", "map"}, {"line", "라인", "LINE", "naver", "messenger"},
            {"toss", "토스", "Toss", "viva", "bank"}, {"coupang", "쿠팡", "Coupang", "coupang", "shop"},
            {"kbstar", "KB국민은행", "KB Kookmin Bank", "kb", "bank"}, {"shinhan", "신한은행", "Shinhan Bank", "shinhan", "bank"}};

    private final Instant now = Instant.now();
    private final Incident fire;

    BenchData() {
        List<String> kakao = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        Instant start = now.minus(Duration.ofMinutes(12));
        fire = new Incident("bench-dcfire", 1, IncidentKind.CORRELATED, IncidentState.OPEN, Severity.CRITICAL, kakao,
                List.of("seoul-kt", "busan-skb", "tokyo-aws"), start, start, null,
                new LocalizedText("카카오 서비스 4개 동시 장애", "4 kakao services down at once"),
                new Hypothesis("provider", "kakao", new LocalizedText("카카오의 서비스 4개가 모두 장애 → 제공사 측 장애로 추정",
                        "All 4 services of provider kakao are down → a provider-side failure"),
                        List.of(new Evidence("provider", "kakao", 4, 4))),
                null, List.of(new TimelineEntry(1, start, TransitionType.OPENED,
                new LocalizedText("카카오 서비스 4개 장애", "4 kakao services went down"), kakao)));
    }

    static BongsuConfig config(Path dir) {
        return config(dir, "");
    }

    /** The configuration with more top-level YAML in front (the subscription run adds {@code smtp} and {@code statusPage}). */
    static BongsuConfig config(Path dir, String moreYaml) {
        StringBuilder y = new StringBuilder(moreYaml + "http: {host: 127.0.0.1, port: 0}\nvantages: [seoul-kt, busan-skb, tokyo-aws]\n"
                + "storage: {dir: \"" + dir + "\"}\nservices:\n");
        for (String[] s : SERVICES) {
            y.append("  - id: ").append(s[0]).append("\n    name: {ko: \"").append(s[1]).append("\", en: \"").append(s[2])
                    .append("\"}\n    provider: ").append(s[3]).append("\n    category: ").append(s[4])
                    .append("\n    checks: [{type: https, url: \"https://").append(s[0]).append(".example/\"}]\n");
        }
        return new ConfigLoader(Map.of()).parse("bench.yaml", y.toString());
    }

    @Override
    public List<ServiceState> serviceStates() {
        List<ServiceState> out = new ArrayList<>();
        for (String[] s : SERVICES) {
            boolean down = fire.services().contains(s[0]);
            out.add(new ServiceState(s[0], down ? Health.DOWN : Health.UP, down ? fire.startedAt() : now.minus(Duration.ofDays(2)), null));
        }
        return out;
    }

    @Override
    public List<Incident> openIncidents() {
        return List.of(fire);
    }

    @Override
    public Future<List<Incident>> incidents(IncidentQuery query) {
        return Future.succeededFuture(List.of(fire));
    }

    @Override
    public Future<Optional<Incident>> incident(String id) {
        return Future.succeededFuture(fire.id().equals(id) ? Optional.of(fire) : Optional.empty());
    }

    @Override
    public Future<List<ProbeResult>> results(String checkId, Instant from, Instant to, int limit) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<Rollup>> serviceRollups(String serviceId, Instant from, Instant to) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<ServiceBucket>> serviceHistory(String serviceId, Instant from, Instant to, Duration step) {
        List<ServiceBucket> out = new ArrayList<>();
        int seed = Math.abs(serviceId.hashCode());
        for (Instant t = from; t.isBefore(to) && t.isBefore(now); t = t.plus(step)) {
            if (t.isBefore(now.minus(Duration.ofDays(60)))) {
                continue;
            }
            long k = t.toEpochMilli() / step.toMillis();
            long count = Math.max(1, step.toMinutes() * 3);
            long fail = (k + seed) % 41 == 0 ? count / 25 : 0;
            double base = 40 + seed % 50 + 10 * Math.sin(k / 10.0);
            out.add(new ServiceBucket(t.toEpochMilli(), count, count - fail, base, base * 2, base * 3));
        }
        return Future.succeededFuture(out);
    }
}
