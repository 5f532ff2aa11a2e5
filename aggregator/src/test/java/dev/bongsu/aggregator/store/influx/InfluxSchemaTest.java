package dev.bongsu.aggregator.store.influx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.Incident;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Severity;
import dev.bongsu.model.Timings;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.ServiceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InfluxSchemaTest {
    static final InfluxSchema SCHEMA = new InfluxSchema(List.of(new ServiceConfig("kakao talk", new LocalizedText("카카오톡", "KakaoTalk"),
            "kakao", "messenger", "pangyo", "kr,central", List.of(), Set.of(), List.of())));

    @Test
    void aPassingResultHasSortedTagsEveryMeasuredTimingAndMillisecondTime() {
        ProbeResult r = ProbeResult.success("kakao talk.https", "kakao talk", "seoul-kt", 1_764_000_000_123L, 200,
                new Timings(1.5, 3.25, Timings.NOT_MEASURED, 20, 42.5)).withCertDaysLeft(40.0);

        assertThat(SCHEMA.resultLine(r)).isEqualTo("probe,category=messenger,check=kakao\\ talk.https,datacenter=pangyo,outcome=success,"
                + "provider=kakao,region=kr\\,central,service=kakao\\ talk,vantage=seoul-kt "
                + "latency_ms=42.5,dns_ms=1.5,connect_ms=3.25,first_byte_ms=20.0,status_code=200i,up=1i,cert_days=40.0 1764000000123");
    }

    @Test
    void aFailureCarriesItsErrorClassAsATagAndAnUnknownServiceOnlyItsIds() {
        ProbeResult r = ProbeResult.failure("other.tcp", "other", "busan", 5L, ErrorClass.CONNECT_REFUSED, 0, Timings.total(1.0), "refused");

        assertThat(SCHEMA.resultLine(r)).isEqualTo(
                "probe,check=other.tcp,error_class=connect_refused,outcome=failure,service=other,vantage=busan latency_ms=1.0,status_code=0i,up=0i 5");
    }

    @Test
    void aRollupHasWeightedSumsAndOneFieldPerErrorClass() {
        Rollup r = new Rollup("kakao talk.https", "kakao talk", "seoul-kt", 60_000, 12, 10, 40, 90, 120, 130,
                Map.of("http_5xx", 1, "dns", 1));

        assertThat(SCHEMA.rollupLine(r)).isEqualTo("rollup,category=messenger,check=kakao\\ talk.https,datacenter=pangyo,provider=kakao,"
                + "region=kr\\,central,service=kakao\\ talk,vantage=seoul-kt count=12i,ok_count=10i,availability=0.8333333333333334,"
                + "p50_ms=40.0,p95_ms=90.0,p99_ms=120.0,max_ms=130.0,p50_weighted_ms=480.0,p95_weighted_ms=1080.0,errors_dns=1i,errors_http_5xx=1i 60000");
    }

    @Test
    void anIncidentTransitionKeepsFreeTextInQuotedFields() {
        Instant t = Instant.ofEpochMilli(1000);
        Incident i = new Incident("inc-1", 2, IncidentKind.SERVICE, IncidentState.RESOLVED, Severity.CRITICAL, List.of("a", "b"), List.of("v"),
                t, t, Instant.ofEpochMilli(2000), new LocalizedText("장애", "say \"down\"\nnow"), null, null, List.of());

        assertThat(SCHEMA.incidentLine(new IncidentTransition(TransitionType.RESOLVED, i))).isEqualTo("incident,id=inc-1,kind=service,"
                + "severity=critical,transition=resolved sequence=2i,open=0i,title=\"say \\\"down\\\" now\",title_ko=\"장애\",services=\"a,b\",vantages=\"v\" 2000");
    }
}
