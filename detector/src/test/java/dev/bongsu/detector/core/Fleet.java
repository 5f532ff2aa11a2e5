package dev.bongsu.detector.core;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.TcpTarget;
import dev.bongsu.model.config.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Services, checks and probe results for detector tests. */
final class Fleet {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final List<String> VANTAGES = List.of("seoul", "busan", "daejeon");

    private Fleet() {
    }

    static CheckConfig check(String service, String name, boolean critical, Thresholds thresholds, Map<String, Thresholds> perVantage) {
        return new CheckConfig(service + "." + name, name, service, CheckType.TCP, INTERVAL, TIMEOUT, critical,
                new TcpTarget(service + ".example", 443), thresholds, perVantage);
    }

    /** A critical heartbeat check {@code service.heartbeat}: the job pushes every {@code period}, late after {@code grace}. */
    static CheckConfig heartbeat(String service, Duration period, Duration grace) {
        return new CheckConfig(service + ".heartbeat", "heartbeat", service, CheckType.HEARTBEAT, period, grace, true,
                new HeartbeatTarget(period, grace, null), Thresholds.DEFAULTS, Map.of());
    }

    /** A push of a heartbeat check (no latency: total 0). */
    static ProbeResult pushed(String checkId, Instant at) {
        return ProbeResult.success(checkId, checkId.substring(0, checkId.indexOf('.')), HeartbeatTarget.VANTAGE,
                at.toEpochMilli(), 200, Timings.total(0));
    }

    /** The push side's report that a heartbeat's deadline passed without a push. */
    static ProbeResult missed(String checkId, Instant deadline) {
        return ProbeResult.failure(checkId, checkId.substring(0, checkId.indexOf('.')), HeartbeatTarget.VANTAGE,
                deadline.toEpochMilli(), ErrorClass.HEARTBEAT_MISSED, 0, Timings.total(0), "no call within period + grace");
    }

    static ServiceConfig service(String id, String provider, String datacenter, String region, List<String> dependsOn,
                                 List<CheckConfig> checks) {
        return new ServiceConfig(id, new LocalizedText(id + "-ko", id + "-en"), provider, "other", datacenter, region,
                dependsOn, Set.of("provider"), checks);
    }

    static ServiceConfig service(String id, String provider, String datacenter, String region, List<String> dependsOn) {
        return service(id, provider, datacenter, region, dependsOn,
                List.of(check(id, "tcp", true, Thresholds.DEFAULTS, Map.of())));
    }

    /** The default scenario fleet: kakao ×4 and naver ×2 in pangyo, naver ×2 in chuncheon. */
    static List<ServiceConfig> korea() {
        return List.of(
                service("kakaotalk", "kakao", "pangyo", "kr-capital", List.of()),
                service("kakaobank", "kakao", "pangyo", "kr-capital", List.of("kakao-account")),
                service("kakaopay", "kakao", "pangyo", "kr-capital", List.of("kakao-account")),
                service("kakaomap", "kakao", "pangyo", "kr-capital", List.of()),
                service("navertalk", "naver", "pangyo", "kr-capital", List.of()),
                service("naverpay", "naver", "pangyo", "kr-capital", List.of()),
                service("naverbank", "naver", "chuncheon", "kr-gangwon", List.of()),
                service("navermap", "naver", "chuncheon", "kr-gangwon", List.of()));
    }

    static ProbeResult ok(String checkId, String vantage, Instant at, double ms) {
        return ProbeResult.success(checkId, checkId.substring(0, checkId.indexOf('.')), vantage, at.toEpochMilli(), 200,
                Timings.total(ms));
    }

    static ProbeResult fail(String checkId, String vantage, Instant at) {
        return ProbeResult.failure(checkId, checkId.substring(0, checkId.indexOf('.')), vantage, at.toEpochMilli(),
                ErrorClass.CONNECT_REFUSED, 0, Timings.total(1), "refused");
    }

    /**
     * One probe of every probed check of every service from every vantage at {@code at} (heartbeats are pushed, not
     * probed); {@code failing} says which fail.
     */
    static List<ProbeResult> round(List<ServiceConfig> fleet, List<String> vantages, Instant at, Failing failing) {
        List<ProbeResult> out = new ArrayList<>();
        for (ServiceConfig s : fleet) {
            for (CheckConfig c : s.checks()) {
                if (c.type() == CheckType.HEARTBEAT) {
                    continue;
                }
                for (String v : vantages) {
                    out.add(failing.test(c.id(), v) ? fail(c.id(), v, at) : ok(c.id(), v, at, 50));
                }
            }
        }
        return out;
    }

    /** Which probes fail. */
    @FunctionalInterface
    interface Failing {
        boolean test(String checkId, String vantage);

        static Failing none() {
            return (c, v) -> false;
        }

        static Failing services(String... ids) {
            Set<String> set = Set.of(ids);
            return (c, v) -> set.contains(c.substring(0, c.indexOf('.')));
        }

        static Failing vantage(String vantage) {
            return (c, v) -> v.equals(vantage);
        }

        default Failing onlyFrom(String... vantages) {
            Set<String> set = Set.of(vantages);
            return (c, v) -> set.contains(v) && test(c, v);
        }
    }
}
