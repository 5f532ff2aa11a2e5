package dev.bongsu.statuspage.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.Severity;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.support.Fixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The report maths on hand-built incidents and minutes (KST day 2022-10-15, the fire at 15:30 KST = 06:30Z). */
class OutageReportTest {
    private static final PublicView VIEW = new PublicView(Fixtures.config(Path.of("/tmp/bongsu-report-test")));
    private static final Instant DAY = Instant.parse("2022-10-14T15:00:00Z");
    private static final Instant NEXT_DAY = Instant.parse("2022-10-15T15:00:00Z");
    private static final Instant LATER = Instant.parse("2022-10-20T00:00:00Z");

    @Test
    void aSixtySecondOutageAcrossAMinuteBoundaryIsOneMinute() {
        Incident fire = service("inc-1", "kakaotalk", Severity.CRITICAL, "06:30:30", "06:31:30", null);
        OutageReport r = report(LATER, fire);
        // the probes saw failures in both minutes the outage touches; they are not "partial"
        r.tally("kakaotalk").add(List.of(minute("06:29", 6, 6), minute("06:30", 6, 3), minute("06:31", 6, 3), minute("06:32", 6, 6)));

        ReportRow row = byKey(r.rows(GroupBy.SERVICE)).get("kakaotalk");
        assertThat(row.outageMs()).isEqualTo(60_000);
        assertThat(ReportDocument.minutes(row.outageMs())).isEqualTo(1.0);
        assertThat(row.longestOutage()).isEqualTo(span("06:30:30", "06:31:30"));
        assertThat(row.longestOngoing()).isFalse();
        assertThat(row.worstHour().start()).isEqualTo(at("06:00:00").toEpochMilli());
        assertThat(row.worstHour().outageMs()).isEqualTo(60_000);
        assertThat(row.incidents()).isEqualTo(1);
        assertThat(row.partialMinutes()).isZero();
        assertThat(row.observedMinutes()).isEqualTo(4);
        assertThat(row.noDataMinutes()).isEqualTo(1440 - 4);
        assertThat(row.probes()).isEqualTo(24);
        assertThat(row.availabilityPercent()).isEqualTo(75.0);

        ReportRow naver = byKey(r.rows(GroupBy.PROVIDER)).get("naver");
        assertThat(naver.outageMs()).isZero();
        assertThat(naver.incidents()).isZero();
        assertThat(naver.longestOutage()).isNull();
        assertThat(naver.worstHour()).isNull();
        assertThat(naver.availabilityPercent()).isNaN();
    }

    @Test
    void overlappingOutagesInOneProviderCountOnceForTheProviderAndSeparatelyAsServiceTime() {
        OutageReport r = report(LATER,
                service("inc-talk", "kakaotalk", Severity.CRITICAL, "06:00:00", "06:10:00", null),
                service("inc-pay", "kakaopay", Severity.CRITICAL, "06:05:00", "06:20:00", null),
                service("inc-map", "kakaomap", Severity.CRITICAL, "08:00:00", "08:01:00", null));

        ReportRow kakao = byKey(r.rows(GroupBy.PROVIDER)).get("kakao");
        assertThat(kakao.services()).containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(kakao.outageMs()).as("any kakao service down").isEqualTo(21 * 60_000);
        assertThat(kakao.serviceOutageMs()).as("service-minutes").isEqualTo(26 * 60_000);
        assertThat(kakao.allDownMs()).as("kakaobank never went down").isZero();
        assertThat(kakao.longestOutage()).isEqualTo(span("06:00:00", "06:20:00"));
        assertThat(kakao.worstHour().start()).isEqualTo(at("06:00:00").toEpochMilli());
        assertThat(kakao.worstHour().serviceOutageMs()).isEqualTo(25 * 60_000);
        assertThat(kakao.worstHour().outageMs()).isEqualTo(20 * 60_000);
        assertThat(kakao.incidents()).isEqualTo(3);
    }

    @Test
    void aCorrelatedIncidentCountsOnceAndItsMembersGiveEachServiceItsOwnTime() {
        List<Incident> all = new ArrayList<>();
        all.add(new Incident("inc-fire", 3, IncidentKind.CORRELATED, IncidentState.RESOLVED, Severity.CRITICAL, Fixtures.KAKAO,
                List.of("seoul-kt"), at("06:30:00"), at("06:40:00"), at("06:40:00"), new LocalizedText("불", "fire"), null, null, List.of()));
        all.add(service("inc-talk", "kakaotalk", Severity.CRITICAL, "06:30:00", "06:31:00", "inc-fire"));
        all.add(service("inc-bank", "kakaobank", Severity.CRITICAL, "06:30:00", "06:40:00", "inc-fire"));
        all.add(service("inc-pay", "kakaopay", Severity.CRITICAL, "06:30:10", "06:32:00", "inc-fire"));
        all.add(service("inc-map", "kakaomap", Severity.CRITICAL, "06:30:20", "06:33:00", "inc-fire"));
        OutageReport r = report(LATER, all.toArray(Incident[]::new));

        Map<String, ReportRow> services = byKey(r.rows(GroupBy.SERVICE));
        assertThat(services.get("kakaotalk").outageMs()).as("its own incident, not the group's 10 minutes").isEqualTo(60_000);
        assertThat(services.get("kakaobank").outageMs()).isEqualTo(600_000);
        assertThat(services.get("kakaotalk").incidents()).as("the correlated one; its member is part of it").isEqualTo(1);
        ReportRow kakao = byKey(r.rows(GroupBy.PROVIDER)).get("kakao");
        assertThat(kakao.incidents()).isEqualTo(1);
        assertThat(kakao.outageMs()).isEqualTo(600_000);
        assertThat(kakao.allDownMs()).as("all four down from 06:30:20 to 06:31:00").isEqualTo(40_000);
        assertThat(byKey(r.rows(GroupBy.PROVIDER)).get("naver").incidents()).isZero();
    }

    @Test
    void aCorrelatedIncidentWithoutMembersCountsForEachOfItsServices() {
        Incident declared = new Incident("inc-op", 1, IncidentKind.CORRELATED, IncidentState.RESOLVED, Severity.CRITICAL,
                List.of("naver", "naverpay"), List.of(), at("01:00:00"), at("01:30:00"), at("01:30:00"),
                new LocalizedText("결제 지연", "payments delayed"), null, null, List.of());
        ReportRow naver = byKey(report(LATER, declared).rows(GroupBy.PROVIDER)).get("naver");
        assertThat(naver.outageMs()).isEqualTo(30 * 60_000);
        assertThat(naver.serviceOutageMs()).isEqualTo(60 * 60_000);
        assertThat(naver.incidents()).isEqualTo(1);
    }

    @Test
    void noDataMinutesAreCountedApartAndFailuresOutsideAnOutageArePartial() {
        // a range of 20 minutes, all of them over when the report is made
        Instant from = at("00:00:00");
        Instant to = at("00:20:00");
        OutageReport r = new OutageReport(VIEW, from, to, LATER,
                VIEW.incidents(List.of(service("inc-w", "kakaopay", Severity.WARNING, "00:05:00", "00:07:00", null)), id -> List.of()));
        List<ServiceBucket> minutes = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            if (m >= 10 && m < 15) {
                continue; // the monitor saw nothing for five minutes
            }
            boolean fail = m == 2 || m == 5 || m == 6;
            minutes.add(minute(String.format("00:%02d", m), 12, fail ? 8 : 12));
        }
        minutes.add(minute("00:25", 12, 0)); // outside the range: ignored
        r.tally("kakaopay").add(minutes);

        ReportRow pay = byKey(r.rows(GroupBy.SERVICE)).get("kakaopay");
        assertThat(pay.observedMinutes()).isEqualTo(15);
        assertThat(pay.noDataMinutes()).isEqualTo(5);
        assertThat(pay.partialMinutes()).as("minute 2 only: 5 and 6 are in the degradation").isEqualTo(1);
        assertThat(pay.degradedMs()).isEqualTo(120_000);
        assertThat(pay.outageMs()).isZero();
        assertThat(pay.probes()).isEqualTo(15 * 12);
        assertThat(pay.availabilityPercent()).isEqualTo(100.0 * (15 * 12 - 12) / (15 * 12));
    }

    @Test
    void degradedTimeExcludesOutageTime() {
        OutageReport r = report(LATER,
                service("inc-slow", "kakaomap", Severity.WARNING, "02:00:00", "02:30:00", null),
                service("inc-down", "kakaomap", Severity.CRITICAL, "02:10:00", "02:20:00", null));
        ReportRow map = byKey(r.rows(GroupBy.SERVICE)).get("kakaomap");
        assertThat(map.outageMs()).isEqualTo(10 * 60_000);
        assertThat(map.degradedMs()).isEqualTo(20 * 60_000);
    }

    @Test
    void anOpenIncidentRunsToTheReportTimeAndIsOngoing() {
        Instant now = at("07:00:30");
        OutageReport r = new OutageReport(VIEW, DAY, NEXT_DAY, now,
                VIEW.incidents(List.of(service("inc-open", "toss", Severity.CRITICAL, "06:50:00", null, null)), id -> List.of()));
        ReportRow toss = byKey(r.rows(GroupBy.SERVICE)).get("toss");
        assertThat(toss.outageMs()).isEqualTo(630_000);
        assertThat(toss.longestOngoing()).isTrue();
        assertThat(r.until()).isEqualTo(now.toEpochMilli());
        assertThat(toss.noDataMinutes()).as("only minutes that are stored by now")
                .isEqualTo((now.toEpochMilli() - DAY.toEpochMilli() - OutageReport.STORED_AFTER_MS) / 60_000);
    }

    @Test
    void outagesAreCutToTheRange() {
        Incident before = service("inc-b", "kakaotalk", Severity.CRITICAL, "14:50:00", "15:10:00", null); // 14 Oct 14:50Z–15:10Z
        OutageReport r = new OutageReport(VIEW, DAY, NEXT_DAY, LATER,
                VIEW.incidents(List.of(new Incident(before.id(), 1, before.kind(), before.state(), before.severity(), before.services(),
                        before.vantages(), Instant.parse("2022-10-14T14:50:00Z"), Instant.parse("2022-10-14T15:10:00Z"),
                        Instant.parse("2022-10-14T15:10:00Z"), before.title(), null, null, List.of())), id -> List.of()));
        ReportRow talk = byKey(r.rows(GroupBy.SERVICE)).get("kakaotalk");
        assertThat(talk.outageMs()).isEqualTo(10 * 60_000);
        assertThat(talk.incidents()).isEqualTo(1);
    }

    @Test
    void aProbeFaultIsNeverAnOutage() {
        Incident fault = new Incident("inc-probe", 1, IncidentKind.PROBE_FAULT, IncidentState.RESOLVED, Severity.CRITICAL,
                List.of("kakaotalk"), List.of("tokyo-aws"), at("03:00:00"), at("03:30:00"), at("03:30:00"),
                new LocalizedText("관측", "probe"), null, null, List.of());
        ReportRow talk = byKey(report(LATER, fault).rows(GroupBy.SERVICE)).get("kakaotalk");
        assertThat(talk.outageMs()).isZero();
        assertThat(talk.incidents()).isZero();
    }

    @Test
    void aValueThatIsNotPublicIsNeverNamedAndCannotBeGroupedOn() {
        PublicView view = new PublicView(new dev.bongsu.model.config.ConfigLoader(Map.of()).parse("t.yaml", """
                vantages: [{name: seoul-kt}]
                storage: {dir: /tmp/bongsu-report-test}
                services:
                  - id: a
                    name: A
                    provider: p1
                    category: bank
                    datacenter: secret-dc
                    public: [provider]
                    checks: [{type: https, url: "https://a.example/health"}]
                  - id: b
                    name: B
                    provider: p2
                    category: pay
                    datacenter: secret-dc
                    public: [provider, category]
                    checks: [{type: https, url: "https://b.example/health"}]
                """));
        assertThatThrownBy(() -> GroupBy.parse("datacenter", view)).isInstanceOf(BadParameter.class)
                .hasMessage("parameter 'by': datacenter is not public on this status page; expected one of service, provider, category");
        assertThatThrownBy(() -> GroupBy.parse("dependsOn", view)).isInstanceOf(BadParameter.class)
                .hasMessageStartingWith("parameter 'by': expected one of service, provider, category, found 'dependsOn'");
        Map<String, List<String>> byCategory = new java.util.LinkedHashMap<>();
        GroupBy.parse("category", view).groups(view).forEach((k, v) -> byCategory.put(k, v.stream().map(s -> s.id()).toList()));
        assertThat(new ArrayList<>(byCategory.keySet())).as("a's category is not public: the unnamed row, last").containsExactly("pay", null);
        assertThat(byCategory.get(null)).containsExactly("a");
    }

    private static OutageReport report(Instant now, Incident... incidents) {
        return new OutageReport(VIEW, DAY, NEXT_DAY, now, VIEW.incidents(List.of(incidents), id -> List.of()));
    }

    private static Map<String, ReportRow> byKey(List<ReportRow> rows) {
        return rows.stream().filter(r -> r.key() != null).collect(Collectors.toMap(ReportRow::key, Function.identity()));
    }

    /** A service incident on 2022-10-15 (UTC times), resolved at {@code end} or open when null. */
    private static Incident service(String id, String serviceId, Severity severity, String start, String end, String parent) {
        Instant s = at(start);
        Instant e = end == null ? null : at(end);
        return new Incident(id, 2, IncidentKind.SERVICE, e == null ? IncidentState.OPEN : IncidentState.RESOLVED, severity,
                List.of(serviceId), List.of("seoul-kt", "busan-skb"), s, e == null ? s : e, e, new LocalizedText(id, id), null, parent,
                List.of());
    }

    private static Instant at(String utcTime) {
        return Instant.parse("2022-10-15T" + utcTime + (utcTime.length() == 5 ? ":00" : "") + "Z");
    }

    private static Span span(String from, String to) {
        return new Span(at(from).toEpochMilli(), at(to).toEpochMilli());
    }

    private static ServiceBucket minute(String utcMinute, long count, long ok) {
        return new ServiceBucket(at(utcMinute).toEpochMilli(), count, ok, 20, 40, 60);
    }
}
