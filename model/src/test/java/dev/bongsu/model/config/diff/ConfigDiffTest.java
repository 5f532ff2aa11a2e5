package dev.bongsu.model.config.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.diff.Change.Kind;
import dev.bongsu.model.config.diff.Change.Op;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
    private static final String BASE = """
            http: {port: 8080, publicUrl: "https://status.example.kr"}
            admin: {token: "0123456789abcdef-token"}
            vantages: [seoul-kt, busan-skb]
            services:
              - id: kakaotalk
                name: {ko: 카카오톡, en: KakaoTalk}
                provider: kakao
                category: messenger
                datacenter: pangyo
                checks:
                  - {name: http, type: http, url: "http://127.0.0.1:9/health?key=s3cret", interval: 30s, expectStatus: "200-299"}
                  - {name: tcp, type: tcp, host: 127.0.0.1, port: 1}
              - {id: navermap, name: Naver Map, provider: naver, category: map, checks: [{type: tcp, host: 127.0.0.1, port: 2}]}
            alerting:
              receivers:
                - {name: oncall, type: webhook, url: "https://hooks.example.kr/a", secret: "hook-secret-1-long-enough"}
                - {name: oldslack, type: slack, url: "https://hooks.slack.com/services/T/B/X"}
              routes:
                - {match: {provider: kakao}, receivers: [oncall]}
              maintenance:
                - {name: naver-weekly, match: {provider: naver}, days: [tue], at: "02:00", duration: 2h}
            statusPage:
              title: {ko: 상태, en: Status}
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private BongsuConfig parse(String yaml) {
        return loader.parse("test.yaml", yaml);
    }

    @Test
    void twoLoadsOfTheSameFileAreTheSame() {
        ConfigDiff diff = ConfigDiff.between(parse(BASE), parse(BASE));

        assertThat(diff.isEmpty()).as("%s", diff.lines()).isTrue();
        assertThat(diff.lines()).isEmpty();
        assertThat(diff.counts()).isEmpty();
    }

    @Test
    void theExampleFileLoadedTwiceIsTheSame() {
        ConfigLoader env = new ConfigLoader(Map.of("BONGSU_ADMIN_TOKEN", "0123456789abcdef-token", "WEBHOOK_SECRET",
                "0123456789abcdef-secret", "SMTP_PASSWORD", "smtp-password-0123"));
        java.nio.file.Path example = java.nio.file.Path.of("..", "examples", "bongsu.yaml");

        assertThat(ConfigDiff.between(env.load(example), env.load(example)).lines()).isEmpty();
    }

    @Test
    void anAddedServiceIsOneLineWithItsChecksAndTheyCountAsAddedChecks() {
        String next = BASE.replace("alerting:", """
                  - id: naverpay
                    name: Naver Pay
                    provider: naver
                    category: pay
                    checks:
                      - {name: http, type: http, url: "http://127.0.0.1:9/pay"}
                      - {name: tcp, type: tcp, host: 127.0.0.1, port: 3}
                alerting:""");

        ConfigDiff diff = ConfigDiff.between(parse(BASE), parse(next));

        assertThat(diff.lines()).containsExactly("+ service naverpay (2 checks)", "+ check naverpay.http (http)",
                "+ check naverpay.tcp (tcp)");
        assertThat(diff.count(Kind.SERVICE, Op.ADDED)).isEqualTo(1);
        assertThat(diff.count(Kind.CHECK, Op.ADDED)).isEqualTo(2);
        assertThat(diff.counts()).containsOnlyKeys("services", "checks");
        assertThat(diff.counts().get("services")).isEqualTo(Map.of("added", 1L, "removed", 0L, "changed", 0L));
        assertThat(diff.needsRestart()).isFalse();
    }

    @Test
    void aChangedCheckNamesWhatChangedButNeverAUrlOrSecret() {
        String next = BASE.replace("health?key=s3cret\", interval: 30s", "ready?key=0ther\", interval: 30s, timeout: 5s")
                .replace("hook-secret-1-long-enough", "hook-secret-2-long-enough");

        ConfigDiff diff = ConfigDiff.between(parse(BASE), parse(next));

        assertThat(diff.lines()).containsExactly("~ check kakaotalk.http: timeout changed 10s -> 5s, url changed",
                "~ receiver oncall: secret changed");
        assertThat(String.join("\n", diff.lines())).doesNotContain("s3cret", "0ther", "hook-secret");
    }

    @Test
    void removedThingsAndChangedSettingsAreListed() {
        String next = BASE.replace("  - {id: navermap, name: Naver Map, provider: naver, category: map, checks: [{type: tcp, host: 127.0.0.1, port: 2}]}\n", "")
                .replace("    - {name: oldslack, type: slack, url: \"https://hooks.slack.com/services/T/B/X\"}\n", "")
                .replace("datacenter: pangyo", "datacenter: gasan")
                .replace("receivers: [oncall]}", "receivers: [oncall, log]}")
                .replace("at: \"02:00\"", "at: \"03:00\"")
                .replace("title: {ko: 상태, en: Status}", "title: {ko: 서비스 상태, en: Service status}");

        ConfigDiff diff = ConfigDiff.between(parse(BASE), parse(next));

        assertThat(diff.lines()).containsExactly(
                "~ service kakaotalk: datacenter changed pangyo -> gasan",
                "- service navermap (1 check)",
                "- check navermap.tcp",
                "- receiver oldslack",
                "~ route 1: receivers changed [oncall] -> [oncall, log]",
                "~ maintenance naver-weekly: at changed",
                "~ statusPage: title changed 상태 / Status -> 서비스 상태 / Service status");
        assertThat(diff.needsRestart()).isFalse();
    }

    @Test
    void listenerStorageClusterAndVantageSetChangesNeedARestart() {
        String next = BASE.replace("port: 8080", "port: 8081")
                .replace("0123456789abcdef-token", "fedcba9876543210-token")
                .replace("vantages: [seoul-kt, busan-skb]", "vantages: [seoul-kt, busan-skb, tokyo-aws]")
                + "storage: {dir: /var/lib/bongsu}\n";

        ConfigDiff diff = ConfigDiff.between(parse(BASE), parse(next));

        assertThat(diff.needsRestart()).isTrue();
        assertThat(diff.restartNeeded()).containsExactlyInAnyOrder("http.port changed 8080 -> 8081", "admin.token changed",
                "storage.dir changed data -> /var/lib/bongsu", "vantages changed seoul-kt, busan-skb -> seoul-kt, busan-skb, tokyo-aws");
        assertThat(diff.restartMessage()).startsWith("needs a restart: ").contains("http.port changed 8080 -> 8081")
                .doesNotContain("fedcba", "0123456789");
        assertThat(diff.lines()).contains("+ vantage tokyo-aws", "! needs a restart: http.port changed 8080 -> 8081");
    }

    @Test
    void thePublicUrlAndFileWatchingAreReloadable() {
        String next = BASE.replace("https://status.example.kr", "https://status.example.com") + "reload: {watch: true}\n";

        ConfigDiff diff = ConfigDiff.between(parse(BASE), parse(next));

        assertThat(diff.needsRestart()).isFalse();
        assertThat(diff.lines()).containsExactly("~ http: publicUrl changed https://status.example.kr -> https://status.example.com",
                "~ reload: watch changed false -> true");
    }
}
