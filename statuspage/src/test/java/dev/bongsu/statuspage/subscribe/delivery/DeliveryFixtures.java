package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriberDirectory;
import dev.bongsu.statuspage.subscribe.SubscriberScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A dc-fire's configuration, incidents and subscribers for the delivery tests. */
final class DeliveryFixtures {
    static final Instant T0 = Instant.parse("2026-10-15T06:19:00Z");
    static final List<String> KAKAO = List.of("kakaotalk", "kakaobank", "kakaopay", "kakaomap");

    private DeliveryFixtures() {
    }

    /** Four kakao services and one naver service in pangyo; {@code smtpYaml} is an {@code smtp:} section or empty. */
    static BongsuConfig config(String smtpYaml, String storageDir) {
        String yaml = """
                http: {host: 127.0.0.1, port: 0, publicUrl: "http://127.0.0.1:1"}
                statusPage:
                  publicUrl: https://status.example.com
                  subscriptions: {perSubscriber: {permits: 100, per: 1m, burst: 100}}
                storage: {dir: "%s"}
                detector: {correlationWindow: 2s}
                alerting:
                  outbox: {initialBackoff: 100ms, maxBackoff: 300ms}
                %s
                services:
                  - {id: kakaotalk, name: {ko: 카카오톡, en: KakaoTalk}, provider: kakao, category: messenger, datacenter: pangyo, public: [provider, category], checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaobank, name: {ko: 카카오뱅크, en: KakaoBank}, provider: kakao, category: bank, datacenter: pangyo, public: [provider, category], checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaopay, name: {ko: 카카오페이, en: KakaoPay}, provider: kakao, category: pay, datacenter: pangyo, public: [provider, category], checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaomap, name: {ko: 카카오맵, en: KakaoMap}, provider: kakao, category: map, datacenter: pangyo, public: [provider, category], checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: naverpay, name: {ko: 네이버페이, en: Naver Pay}, provider: naver, category: pay, datacenter: pangyo, public: [provider, category], checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                """.formatted(storageDir, smtpYaml);
        return new ConfigLoader(Map.of()).parse("delivery-test.yaml", yaml);
    }

    /** The correlated incident of the fire. */
    static Incident group(String id, int sequence, boolean open, List<String> services, Instant at) {
        Hypothesis h = new Hypothesis("provider", "kakao", new LocalizedText("kakao", "kakao"),
                List.of(new Evidence("provider", "kakao", services.size(), 4)));
        return new Incident(id, sequence, IncidentKind.CORRELATED, open ? IncidentState.OPEN : IncidentState.RESOLVED, Severity.CRITICAL,
                services, List.of("seoul-kt"), T0, at, open ? null : at, new LocalizedText("연관 장애", "Correlated"), h, null, List.of());
    }

    /** A service incident, member of {@code parentId} when not null. */
    static Incident service(String id, String service, int sequence, boolean open, String parentId, Instant at) {
        return new Incident(id, sequence, IncidentKind.SERVICE, open ? IncidentState.OPEN : IncidentState.RESOLVED, Severity.CRITICAL,
                List.of(service), List.of("seoul-kt"), T0, at, open ? null : at, new LocalizedText(service, service), null, parentId,
                List.of());
    }

    /** A probe fault. */
    static Incident probeFault(String id, Instant at) {
        return new Incident(id, 1, IncidentKind.PROBE_FAULT, IncidentState.OPEN, Severity.INFO, List.of(), List.of("seoul-kt"), at, at,
                null, new LocalizedText("관측 장애", "Probe fault"), null, null, List.of());
    }

    /** The fire's transitions as the detector publishes them: members and group opened, then resolved. */
    static List<IncidentTransition> fire(String groupId) {
        List<IncidentTransition> out = new ArrayList<>();
        Instant open = T0.plusSeconds(30);
        for (String s : KAKAO) {
            out.add(new IncidentTransition(TransitionType.OPENED, service("svc-" + s, s, 1, true, groupId, open)));
        }
        out.add(new IncidentTransition(TransitionType.OPENED, group(groupId, 1, true, KAKAO, open)));
        Instant back = T0.plusSeconds(3600);
        for (String s : KAKAO) {
            out.add(new IncidentTransition(TransitionType.RESOLVED, service("svc-" + s, s, 2, false, groupId, back)));
        }
        out.add(new IncidentTransition(TransitionType.RESOLVED, group(groupId, 2, false, KAKAO, back)));
        return out;
    }

    static Subscriber email(String id, String address, String lang, SubscriberScope scope) {
        return new Subscriber(id, Subscriber.Channel.EMAIL, address, lang, scope, "secret-of-" + id, T0, T0);
    }

    static Subscriber webhook(String id, String url, String lang, SubscriberScope scope) {
        return new Subscriber(id, Subscriber.Channel.WEBHOOK, url, lang, scope, "secret-of-" + id, T0, T0);
    }

    static SubscriberScope provider(String p) {
        return new SubscriberScope(Set.of(p), Set.of(), Set.of());
    }

    /** Subscribers in memory, as the store's directory would hold them. */
    static final class Directory implements SubscriberDirectory {
        final Map<String, Subscriber> byId = new ConcurrentHashMap<>();

        Directory add(Subscriber s) {
            byId.put(s.id(), s);
            return this;
        }

        @Override
        public List<Subscriber> confirmed() {
            return byId.values().stream().filter(Subscriber::confirmed).toList();
        }

        @Override
        public Optional<Subscriber> byId(String id) {
            return Optional.ofNullable(byId.get(id));
        }
    }
}
