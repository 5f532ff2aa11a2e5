package dev.bongsu.statuspage.publicview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.Evidence;
import dev.bongsu.model.Health;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.SiteSettings;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps every public answer of a running site, during a correlated outage whose likely cause is a private attribute,
 * for every private attribute value of the configuration. The incidents are shaped as the detector writes them for
 * on-call staff: the title, the hypothesis sentence and the timeline name the private cause.
 */
class PublicSweepTest {
    static final List<String> KAKAO = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
    static final String LOGIN = "zq-secret-login";
    /** A vantage not marked public: its name, region, network and display name must never be shown. */
    static final List<String> PRIVATE_VANTAGE = List.of("zq-vantage-hidden", "kr-zq-vantage-region", "zq-vantage-net", "zq vantage place");
    @TempDir
    static Path dir;
    static SiteFixture f;
    /** The id of an incident the operator declared, present during the sweep. */
    static String declared;

    @BeforeAll
    static void start() throws Exception {
        f = new SiteFixture(dir, new SiteSettings(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(30)), PublicSweepTest::config);
        // every vantage, the private one too, measured failures of every service: the outage maps have data to show
        f.history.rollups = (s, from, to) -> {
            List<dev.bongsu.model.Rollup> out = new ArrayList<>();
            for (long m = (from.toEpochMilli() + 59_999) / 60_000 * 60_000; m < to.toEpochMilli(); m += 60_000) {
                for (String v : List.of("seoul-kt", "busan-skb", PRIVATE_VANTAGE.get(0))) {
                    out.add(new dev.bongsu.model.Rollup(s + ".tcp", s, v, m, 6, v.equals("busan-skb") ? 6 : 0, 1, 1, 1, 1, Map.of()));
                }
            }
            return out;
        };
        Instant at = Instant.now();
        for (String id : KAKAO) {
            ServiceState down = new ServiceState(id, Health.DOWN, at, new LocalizedText("연결 거부", "Connection refused"));
            f.live.set(down);
            f.vertx.eventBus().publish(Addresses.SERVICE_STATES, new ServiceStateChange(null, down));
        }
        publish(correlated("inc-fire-1", at, IncidentState.OPEN));
        publish(member("inc-fire-kakaotalk", at, "inc-fire-1"));
        // an old one, only in the store: its page and the range queries read it from there
        f.incidents.put(correlated("inc-old-1", at.minus(Duration.ofDays(200)), IncidentState.RESOLVED));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/api/v1/incidents?state=open").body().contains("inc-fire-1"));
        String update = "{\"status\":\"identified\",\"text\":{\"ko\":\"원인을 찾았습니다\",\"en\":\"Cause found\"}}";
        assertThat(f.post("/api/v1/admin/incidents/inc-fire-1/updates", update, Fixtures.ADMIN_TOKEN).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/feed.atom").body().contains("Cause found"));
        // an incident the operator declared, and a postmortem on the detected one
        HttpResponse<String> op = f.post("/api/v1/admin/incidents", "{\"title\":{\"ko\":\"결제 지연\",\"en\":\"Payments delayed\"},"
                + "\"services\":[\"kakaopay\",\"naverpay\"],\"impact\":\"partial_outage\",\"text\":{\"ko\":\"결제가 늦습니다\",\"en\":\"Payments are slow\"}}",
                Fixtures.ADMIN_TOKEN);
        assertThat(op.statusCode()).isEqualTo(201);
        declared = new JsonObject(op.body()).getJsonObject("incident").getString("id");
        assertThat(f.send("PUT", "/api/v1/admin/incidents/inc-fire-1/postmortem",
                "{\"text\":{\"ko\":\"화재로 인한 장애\",\"en\":\"A fire took the datacenter down\"}}", Fixtures.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/api/v1/incidents?state=open").body().contains(declared)
                && f.text("/incidents/inc-fire-1?lang=en").body().contains("A fire took"));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/api/v1/services/kakaotalk/vantages").body().contains("\"fails\"")
                && f.text("/incidents/inc-fire-1").body().contains("vantage-map"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void noPublicAnswerNamesAPrivateAttributeValue() throws Exception {
        Set<String> secrets = privateValues(f.config);
        secrets.addAll(PRIVATE_VANTAGE);
        assertThat(secrets).contains(LOGIN, "zq-dc-pangyo", "zq-region-south", "zq-provider-viva", "zq-vantage-hidden");
        List<String> leaks = new ArrayList<>();
        int answers = 0;
        for (String path : publicPaths()) {
            for (String[] headers : List.of(new String[0], new String[] {"Accept-Language", "en"}, new String[] {"Accept", "text/csv"},
                    new String[] {"Accept-Encoding", "identity", "Accept-Language", "ko"})) {
                HttpResponse<byte[]> r = f.get(path, headers);
                assertThat(r.statusCode()).as("GET %s", path).isBetween(200, 299);
                String body = new String(r.body(), StandardCharsets.UTF_8);
                answers++;
                for (String s : secrets) {
                    if (body.contains(s)) {
                        leaks.add(path + " " + String.join(" ", headers) + " names '" + s + "'");
                    }
                }
            }
        }
        System.out.printf("public sweep: %d public answers (%d paths x 4 header sets) checked for %d private values: %d found%n",
                answers, publicPaths().size(), secrets.size(), leaks.size());
        assertThat(leaks).as("private values in %d public answers", answers).isEmpty();
    }

    @Test
    void thePublicTitleIsBuiltFromTheSharedPublicValue() throws Exception {
        JsonObject i = new JsonObject(f.text("/api/v1/incidents?state=open").body()).getJsonArray("incidents").stream()
                .map(JsonObject.class::cast).filter(o -> o.getString("id").equals("inc-fire-1")).findFirst().orElseThrow();
        assertThat(i.getJsonObject("title").getString("en")).isEqualTo("4 kakao services down");
        assertThat(i.getJsonObject("title").getString("ko")).isEqualTo("kakao 서비스 4개 동시 장애");
        assertThat(i.getJsonObject("hypothesis").getString("attribute")).isNull();
        assertThat(i.getJsonObject("hypothesis").getJsonArray("evidence").getJsonObject(0).getString("value")).isEqualTo("kakao");
        assertThat(i.getJsonArray("timeline").getJsonObject(0).getJsonObject("text").getString("en"))
                .isEqualTo("Failing: KakaoTalk, KakaoBank, KakaoPay, KakaoMap");
    }

    private static List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/", "/?lang=en", "/?lang=ko", "/history", "/history?lang=en",
                "/history?from=2020-01-01&to=2020-12-31", "/feed.atom", "/api/v1/status", "/api/v1/status.csv", "/api/v1/services",
                "/api/v1/services.csv", "/api/v1/incidents", "/api/v1/incidents.csv", "/api/v1/incidents?state=open",
                "/api/v1/incidents.csv?state=open", "/api/v1/incidents?state=resolved",
                "/api/v1/incidents?from=" + Instant.now().minus(Duration.ofDays(390)) + "&to=" + Instant.now().plusSeconds(60),
                "/api/v1/incidents.csv?from=" + Instant.now().minus(Duration.ofDays(390)) + "&to=" + Instant.now().plusSeconds(60),
                "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
                "/api/v2/incidents/unresolved.json"));
        for (String inc : List.of("inc-fire-1", "inc-fire-kakaotalk", "inc-old-1", declared)) {
            paths.addAll(List.of("/incidents/" + inc, "/incidents/" + inc + "?lang=en", "/incidents/" + inc + "?lang=ko",
                    "/api/v1/incidents/" + inc, "/api/v1/incidents/" + inc + ".csv"));
        }
        for (ServiceConfig s : f.config.services()) {
            paths.addAll(List.of("/services/" + s.id(), "/services/" + s.id() + "?lang=en", "/badge/" + s.id() + ".svg",
                    "/badge/" + s.id() + ".svg?lang=ko", "/api/v1/services/" + s.id() + "/history",
                    "/api/v1/services/" + s.id() + "/history.csv", "/api/v1/services/" + s.id() + "/vantages"));
        }
        return paths;
    }

    /** Every value of an attribute a service does not list in {@code public:}. */
    static Set<String> privateValues(BongsuConfig cfg) {
        Set<String> out = new LinkedHashSet<>();
        for (ServiceConfig s : cfg.services()) {
            for (String a : ServiceConfig.ATTRIBUTES) {
                if (!s.publicAttributes().contains(a)) {
                    out.addAll(s.attributeValues(a));
                }
            }
        }
        return out;
    }

    static BongsuConfig config(Path dir) {
        StringBuilder services = new StringBuilder();
        for (String id : KAKAO) {
            services.append(service(id, "kakao", "zq-dc-pangyo", "[provider, category]"));
        }
        services.append(service("naverpay", "naver", "zq-dc-pangyo", "[provider, category]"));
        services.append(service("toss", "zq-provider-viva", "zq-dc-gasan", "[category]"));
        String yaml = """
                http: {host: 127.0.0.1, port: 0, publicUrl: "https://status.example.kr"}
                admin: {token: "%s"}
                vantages:
                  - {name: seoul-kt, region: kr-seoul, network: KT, displayName: {ko: KT 서울, en: KT Seoul}, public: true}
                  - {name: busan-skb, region: kr-busan, network: SKB, displayName: {ko: SKB 부산, en: SKB Busan}, public: true}
                  - {name: %s, region: %s, network: %s, displayName: "%s"}
                storage: {dir: "%s"}
                services:
                %s""".formatted(Fixtures.ADMIN_TOKEN, PRIVATE_VANTAGE.get(0), PRIVATE_VANTAGE.get(1), PRIVATE_VANTAGE.get(2),
                PRIVATE_VANTAGE.get(3), dir.toString().replace("\\", "/"), services);
        return new ConfigLoader(Map.of()).parse("sweep.yaml", yaml);
    }

    private static String service(String id, String provider, String dc, String pub) {
        String name = id.substring(0, 1).toUpperCase() + id.substring(1);
        name = name.replace("Kakaotalk", "KakaoTalk").replace("Kakaobank", "KakaoBank").replace("Kakaopay", "KakaoPay")
                .replace("Kakaomap", "KakaoMap");
        return """
                  - id: %s
                    name: {ko: "%s", en: "%s"}
                    provider: %s
                    category: app-%s
                    datacenter: %s
                    region: zq-region-south
                    dependsOn: [%s]
                    public: %s
                    checks: [{type: tcp, host: 127.0.0.1, port: 1}]
                """.formatted(id, name, name, provider, id, dc, id.startsWith("kakao") ? LOGIN : "zq-secret-dns", pub);
    }

    /** A correlated incident as the detector writes it for on-call staff, naming its private likely cause everywhere. */
    static Incident correlated(String id, Instant at, IncidentState state) {
        Hypothesis h = new Hypothesis("dependsOn", LOGIN, new LocalizedText(
                "공통 의존성 " + LOGIN + "의 서비스 4개가 모두 장애입니다 (모두 데이터센터 zq-dc-pangyo). zq-dc-pangyo의 naver 서비스는 정상입니다 → 공통 의존성 " + LOGIN + "의 장애로 보입니다.",
                "All 4 services of shared dependency " + LOGIN + " are down, all hosted in datacenter zq-dc-pangyo; naver services in "
                        + "zq-dc-pangyo are unaffected → failure of the shared dependency " + LOGIN + "."),
                List.of(new Evidence("dependsOn", LOGIN, 4, 4), new Evidence("provider", "kakao", 4, 4),
                        new Evidence("datacenter", "zq-dc-pangyo", 4, 5), new Evidence("region", "zq-region-south", 4, 6)));
        Instant end = state == IncidentState.RESOLVED ? at.plus(Duration.ofMinutes(30)) : null;
        List<TimelineEntry> tl = new ArrayList<>(List.of(
                new TimelineEntry(1, at, TransitionType.OPENED, new LocalizedText("서비스 4개가 함께 실패합니다", "4 services are failing together: "
                        + String.join(", ", KAKAO) + "."), KAKAO),
                new TimelineEntry(2, at.plusSeconds(30), TransitionType.UPDATED, new LocalizedText("추정 원인이 provider=kakao에서 dependsOn=" + LOGIN,
                        "Likely cause revised from provider=kakao to dependsOn=" + LOGIN + ": region zq-region-south"), List.of())));
        if (end != null) {
            tl.add(new TimelineEntry(3, end, TransitionType.RESOLVED, new LocalizedText("복구", "All services recovered"), List.of()));
        }
        return new Incident(id, tl.size(), IncidentKind.CORRELATED, state, Severity.CRITICAL, KAKAO, List.of("seoul-kt", "busan-skb", "zq-vantage-x", PRIVATE_VANTAGE.get(0)),
                at, end != null ? end : at.plusSeconds(30), end,
                new LocalizedText(LOGIN + "에 의존하는 서비스 4개 동시 장애", "Correlated outage: 4 services, likely cause dependsOn=" + LOGIN), h, null, tl);
    }

    static Incident member(String id, Instant at, String parent) {
        return new Incident(id, 1, IncidentKind.SERVICE, IncidentState.OPEN, Severity.CRITICAL, List.of("kakaotalk"), List.of("seoul-kt"),
                at, at, null, new LocalizedText("카카오톡 장애 (zq-dc-pangyo)", "KakaoTalk down in zq-dc-pangyo"),
                correlated("x", at, IncidentState.OPEN).hypothesis(), parent,
                List.of(new TimelineEntry(1, at, TransitionType.OPENED, new LocalizedText("kakaotalk 장애 감지 (zq-dc-pangyo)",
                        "kakaotalk detected down in datacenter zq-dc-pangyo"), List.of("kakaotalk"))));
    }

    private static void publish(Incident i) {
        f.live.incident(i);
        f.incidents.put(i);
        f.vertx.eventBus().publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.OPENED, i));
    }
}
