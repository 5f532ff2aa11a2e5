package dev.bongsu.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.Timings;
import dev.bongsu.model.TransitionType;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecsTest {
    @Test
    void resultBatchSurvivesTheWire() {
        ResultBatch batch = new ResultBatch("seoul-kt", List.of(
                ProbeResult.success("kakaotalk.http", "kakaotalk", "seoul-kt", 1_700_000_000_123L, 200,
                        new Timings(1.5, 0.25, Timings.NOT_MEASURED, 12.0, 13.5)),
                ProbeResult.failure("kakaopay.http", "kakaopay", "seoul-kt", 1_700_000_000_456L,
                        ErrorClass.CONNECT_REFUSED, 0, Timings.total(0.4), "connection refused 카카오"),
                ProbeResult.success("kakaobank.tls", "kakaobank", "seoul-kt", 1L, 0, Timings.total(3)).withCertDaysLeft(-2.5)));
        ResultBatchCodec codec = new ResultBatchCodec();
        Buffer wire = Buffer.buffer("prefix");

        codec.encodeToWire(wire, batch);
        ResultBatch back = codec.decodeFromWire("prefix".length(), wire);

        assertThat(back).isEqualTo(batch);
    }

    @Test
    void incidentTransitionSurvivesTheWireAsJson() {
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        Incident incident = new Incident("inc-1", 2, IncidentKind.CORRELATED, IncidentState.OPEN, Severity.CRITICAL,
                List.of("kakaotalk", "kakaopay"), List.of("seoul-kt", "busan-skb"), t, t.plusSeconds(5), null,
                new LocalizedText("카카오 장애", "kakao outage"),
                new Hypothesis("provider", "kakao", new LocalizedText("제공자", "provider"),
                        List.of(new Evidence("provider", "kakao", 2, 2), new Evidence("datacenter", "pangyo", 2, 4))),
                null,
                List.of(new TimelineEntry(1, t, TransitionType.OPENED, new LocalizedText("열림", "opened"), List.of("kakaotalk"))));
        IncidentTransition transition = new IncidentTransition(TransitionType.UPDATED, incident);
        JsonRecordCodec<IncidentTransition> codec = new JsonRecordCodec<>(IncidentTransition.class);
        Buffer wire = Buffer.buffer();

        codec.encodeToWire(wire, transition);

        assertThat(codec.decodeFromWire(0, wire)).isEqualTo(transition);
    }
}
