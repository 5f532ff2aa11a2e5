package dev.bongsu.alerting.support;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.ServiceConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Incidents and services for alerting tests: the Pangyo data-centre fire. */
public final class Incidents {
    /** The start of every scenario. */
    public static final Instant T0 = Instant.parse("2026-10-15T06:33:00Z");

    private Incidents() {
    }

    /** kakaotalk, kakaobank, kakaopay, kakaomap (kakao, pangyo) and navermap (naver, pangyo). */
    public static Map<String, ServiceConfig> services() {
        Map<String, ServiceConfig> out = new LinkedHashMap<>();
        out.put("kakaotalk", service("kakaotalk", "kakao", "messenger"));
        out.put("kakaobank", service("kakaobank", "kakao", "bank"));
        out.put("kakaopay", service("kakaopay", "kakao", "pay"));
        out.put("kakaomap", service("kakaomap", "kakao", "map"));
        out.put("navermap", service("navermap", "naver", "map"));
        return out;
    }

    private static ServiceConfig service(String id, String provider, String category) {
        return new ServiceConfig(id, new LocalizedText(id, id), provider, category, "pangyo", "kr-capital", List.of(),
                Set.of("provider", "category"), List.of());
    }

    /** A service incident. */
    public static Incident service(String id, String service, int sequence, IncidentState state, Instant at, String parentId) {
        return new Incident(id, sequence, IncidentKind.SERVICE, state, Severity.CRITICAL, List.of(service), List.of("seoul-kt", "busan-skb"),
                T0, at, state == IncidentState.RESOLVED ? at : null, new LocalizedText(service + " 중단", service + " down"), null,
                parentId, List.of(new TimelineEntry(1, T0, TransitionType.OPENED, new LocalizedText("열림", "opened"), List.of(service))));
    }

    /** A correlated incident of kakao services. */
    public static Incident correlated(String id, int sequence, IncidentState state, Instant at, String... services) {
        Hypothesis h = new Hypothesis("provider", "kakao",
                new LocalizedText("카카오 서비스 모두 중단", "All " + services.length + " services of provider kakao are down → provider-side failure"),
                List.of(new Evidence("provider", "kakao", services.length, 4)));
        return new Incident(id, sequence, IncidentKind.CORRELATED, state, Severity.CRITICAL, List.of(services), List.of("seoul-kt", "busan-skb"),
                T0, at, state == IncidentState.RESOLVED ? at : null,
                new LocalizedText("연관 장애: 카카오", "Correlated outage: " + services.length + " services, likely cause provider=kakao"), h,
                null, List.of());
    }

    /** The same incident with another likely cause, as the detector revises it: new hypothesis and title. */
    public static Incident withCause(Incident i, String attribute, String value, String textEn) {
        Hypothesis h = new Hypothesis(attribute, value, new LocalizedText(value + " 장애", textEn),
                List.of(new Evidence(attribute, value, i.services().size(), i.services().size())));
        LocalizedText title = new LocalizedText("연관 장애: " + value,
                "Correlated outage: " + i.services().size() + " services, likely cause " + attribute + "=" + value);
        return new Incident(i.id(), i.sequence(), i.kind(), i.state(), i.severity(), i.services(), i.vantages(), i.startedAt(),
                i.updatedAt(), i.resolvedAt(), title, h, i.parentId(), i.timeline());
    }

    /** A probe fault of one vantage. */
    public static Incident probeFault(String id, int sequence, IncidentState state, Instant at) {
        return new Incident(id, sequence, IncidentKind.PROBE_FAULT, state, Severity.WARNING, List.of(), List.of("busan-skb"), T0, at,
                state == IncidentState.RESOLVED ? at : null, new LocalizedText("측정 장애", "Probe fault at busan-skb"), null, null, List.of());
    }

    /** A transition of an incident: opened at sequence 1, resolved when resolved, else updated. */
    public static IncidentTransition transition(Incident i) {
        TransitionType t = i.state() == IncidentState.RESOLVED ? TransitionType.RESOLVED
                : i.sequence() == 1 ? TransitionType.OPENED : TransitionType.UPDATED;
        return new IncidentTransition(t, i);
    }
}
