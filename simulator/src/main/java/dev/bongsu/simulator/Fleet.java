package dev.bongsu.simulator;

import dev.bongsu.model.LocalizedText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The simulated services, in order; the built-in fleet or one read from a YAML file. */
public record Fleet(List<SimulatedService> services) {
    /** The shared login that the default fleet's kakao bank and pay depend on. */
    public static final String KAKAO_ACCOUNT = "kakao-account";
    /** The shared login that the default fleet's naver bank and pay depend on. */
    public static final String NAVER_ACCOUNT = "naver-account";

    public Fleet {
        services = List.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one service");
        }
        Set<String> ids = new HashSet<>();
        for (SimulatedService s : services) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("duplicate service id '" + s.id() + "'");
            }
        }
    }

    /**
     * The built-in fleet: kakao and naver × messenger, bank, pay, map. Datacenter {@code pangyo} (kr-gyeonggi)
     * hosts all four kakao services and naver's messenger and map; {@code chuncheon} (kr-gangwon) hosts naver's
     * bank and pay. Bank and pay of each provider depend on that provider's account login.
     */
    public static Fleet defaultFleet() {
        return new Fleet(List.of(
                service("kakaotalk", "카카오톡", "KakaoTalk", "kakao", "messenger", "pangyo", "kr-gyeonggi", 18),
                service("kakaobank", "카카오뱅크", "KakaoBank", "kakao", "bank", "pangyo", "kr-gyeonggi", 45, KAKAO_ACCOUNT),
                service("kakaopay", "카카오페이", "KakaoPay", "kakao", "pay", "pangyo", "kr-gyeonggi", 35, KAKAO_ACCOUNT),
                service("kakaomap", "카카오맵", "KakaoMap", "kakao", "map", "pangyo", "kr-gyeonggi", 25),
                service("line", "라인", "LINE", "naver", "messenger", "pangyo", "kr-gyeonggi", 22),
                service("naverbank", "네이버뱅크", "Naver Bank", "naver", "bank", "chuncheon", "kr-gangwon", 55, NAVER_ACCOUNT),
                service("naverpay", "네이버페이", "Naver Pay", "naver", "pay", "chuncheon", "kr-gangwon", 30, NAVER_ACCOUNT),
                service("navermap", "네이버 지도", "Naver Map", "naver", "map", "pangyo", "kr-gyeonggi", 20)));
    }

    private static SimulatedService service(String id, String ko, String en, String provider, String category,
            String datacenter, String region, int medianMillis, String... dependsOn) {
        return new SimulatedService(id, new LocalizedText(ko, en), provider, category, datacenter, region,
                List.of(dependsOn), Duration.ofMillis(medianMillis));
    }

    /** Reads a fleet file; errors are {@link dev.bongsu.model.config.ConfigException}s naming file, line and key. */
    public static Fleet load(Path file) {
        return FleetReader.load(file);
    }

    /** Reads fleet YAML text; {@code name} is used in error messages. */
    public static Fleet parse(String name, String yaml) {
        return FleetReader.parse(name, yaml);
    }

    /** The service with this id. */
    public Optional<SimulatedService> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The services a target selects, in fleet order. */
    public List<SimulatedService> select(FaultTarget target) {
        List<SimulatedService> out = new ArrayList<>();
        for (SimulatedService s : services) {
            if (target.matches(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The ids of the services, in order. */
    public List<String> ids() {
        return services.stream().map(SimulatedService::id).toList();
    }

    /** The datacenters, in order of first appearance. */
    public Set<String> datacenters() {
        Set<String> out = new LinkedHashSet<>();
        services.forEach(s -> out.add(s.datacenter()));
        return out;
    }

    /** The providers, in order of first appearance. */
    public Set<String> providers() {
        Set<String> out = new LinkedHashSet<>();
        services.forEach(s -> out.add(s.provider()));
        return out;
    }

    /** The addresses the services get when listening on {@code host} from {@code basePort} on, one port each. */
    public List<ServiceAddress> addresses(String host, int basePort) {
        List<ServiceAddress> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            out.add(new ServiceAddress(services.get(i), host, basePort + i));
        }
        return out;
    }
}
