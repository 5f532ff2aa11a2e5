package dev.bongsu.statuspage.render;

import dev.bongsu.model.Health;
import dev.bongsu.model.IncidentWords;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.TransitionType;
import dev.bongsu.statuspage.data.Overall;
import dev.bongsu.statuspage.updates.UpdateStatus;
import java.util.Map;

/** Every fixed text of the site in Korean and English. */
public final class Texts {
    private static final Map<String, String[]> T = Map.ofEntries(
            e("skip", "본문으로 건너뛰기", "Skip to content"),
            e("switch", "English", "한국어"),
            e("home", "현재 상태", "Current status"),
            e("history", "장애 기록", "Incident history"),
            e("api", "API", "API"),
            e("feed", "Atom 피드", "Atom feed"),
            e("overall.operational", "모든 서비스 정상", "All services operational"),
            e("overall.degraded", "일부 서비스 성능 저하", "Some services degraded"),
            e("overall.partial_outage", "일부 서비스 장애", "Partial outage"),
            e("overall.major_outage", "대규모 장애", "Major outage"),
            e("overall.no_data", "아직 데이터 없음", "No data yet"),
            e("health.up", "정상", "Operational"),
            e("health.degraded", "성능 저하", "Degraded"),
            e("health.down", "장애", "Down"),
            e("health.unknown", "알 수 없음", "Unknown"),
            e("services", "서비스", "Services"),
            e("open.incidents", "진행 중인 장애", "Ongoing incidents"),
            e("no.open.incidents", "진행 중인 장애가 없습니다.", "There are no ongoing incidents."),
            e("since.pre", "", "since "),
            e("since.post", "부터", ""),
            e("started", "시작", "Started"),
            e("resolved.at", "해결", "Resolved"),
            e("duration", "지속 시간", "Duration"),
            e("uptime.90", "최근 90일 가용성", "Availability over the last 90 days"),
            e("uptime.legend", "막대 하나가 하루(KST)입니다. 회색은 데이터 없음.", "Each bar is one day (KST). Grey means no data."),
            e("no.data", "데이터 없음", "no data"),
            e("days.ago.90", "90일 전", "90 days ago"),
            e("today", "오늘", "today"),
            e("provider", "제공자", "Provider"),
            e("category", "분류", "Category"),
            e("datacenter", "데이터센터", "Datacenter"),
            e("region", "지역", "Region"),
            e("dependsOn", "의존", "Depends on"),
            e("vantage", "관측 지점", "Vantage"),
            e("last.24h", "최근 24시간", "Last 24 hours"),
            e("latency", "응답 시간 (ms): 실선은 중앙값, 점선은 p95", "Response time (ms): solid line median, dashed line p95"),
            e("availability", "가용성 (%)", "Availability (%)"),
            e("incidents.of", "이 서비스의 장애", "Incidents of this service"),
            e("no.incidents", "기록된 장애가 없습니다.", "No incidents recorded."),
            e("what.failed", "영향받은 서비스", "What failed"),
            e("vantages", "장애를 확인한 관측 지점", "Seen from these vantages"),
            e("timeline", "경과", "Timeline"),
            e("hypothesis", "추정 원인", "Likely cause"),
            e("evidence", "근거", "Evidence"),
            e("evidence.row", "{0} {1}: 서비스 {3}개 중 {2}개 장애", "{0} {1}: {2} of {3} services down"),
            e("updates", "운영자 업데이트", "Updates from the team"),
            e("no.updates", "아직 운영자 업데이트가 없습니다.", "No updates from the team yet."),
            e("part.of", "이 장애는 다음 장애의 일부입니다:", "This incident is part of:"),
            e("state.open", "진행 중", "Ongoing"),
            e("state.resolved", "해결됨", "Resolved"),
            e("kind.service", "서비스 장애", "Service incident"),
            e("kind.correlated", "연관 장애", "Correlated incident"),
            e("kind.probe_fault", "관측 장애", "Probe fault"),
            e("tr.opened", "발생", "Opened"),
            e("tr.updated", "변경", "Updated"),
            e("tr.resolved", "해결", "Resolved"),
            e("up.investigating", "조사 중", "Investigating"),
            e("up.identified", "원인 확인", "Identified"),
            e("up.monitoring", "모니터링 중", "Monitoring"),
            e("up.resolved", "해결", "Resolved"),
            e("from", "시작일", "From"),
            e("to", "종료일", "To"),
            e("filter", "조회", "Show"),
            e("history.range", "{0} ~ {1} (KST) 사이의 장애", "Incidents between {0} and {1} (KST)"),
            e("times.note", "모든 시각은 한국 표준시(KST, Asia/Seoul)입니다.", "All times are Korea Standard Time (KST, Asia/Seoul)."),
            e("updated", "갱신", "Updated"),
            e("not.found", "찾을 수 없습니다", "Not found"),
            e("back", "현재 상태로 돌아가기", "Back to current status"),
            e("details", "자세히", "Details"),
            e("chart.empty", "이 기간의 데이터가 없습니다.", "No data for this period."),
            e("uptime.pct", "가용성 {0}", "{0} available"),
            e("hyp.all", "{0} {1}의 서비스 {2}개가 모두 장애입니다.", "All {2} services of {0} {1} are down."),
            e("hyp.some", "{0} {1}의 서비스 {3}개 중 {2}개가 장애입니다.", "{2} of {3} services of {0} {1} are down."),
            e("tl.opened", "장애 발생: {0}", "Failing: {0}"),
            e("tl.opened.none", "장애 발생", "Incident opened"),
            e("tl.updated", "변경: {0}", "Changed: {0}"),
            e("tl.updated.none", "장애 정보 변경", "Incident updated"),
            e("tl.resolved", "복구: {0}", "Recovered: {0}"),
            e("tl.resolved.none", "모든 서비스 복구", "All services recovered"),
            e("edited", "수정됨", "edited"));

    private Texts() {
    }

    private static Map.Entry<String, String[]> e(String key, String ko, String en) {
        return Map.entry(key, new String[] {ko, en});
    }

    /** The text for a key, with {0}, {1}, … replaced by the arguments (not escaped: escape when writing). */
    public static String t(Lang lang, String key, Object... args) {
        String[] v = T.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no text for key " + key);
        }
        return fill(v[lang == Lang.KO ? 0 : 1], args);
    }

    /** Replaces {@code {0}}, {@code {1}} … in one pass, so that an argument containing "{1}" stays as it is. */
    static String fill(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(template.substring(i + 1, close));
                out.append(n < args.length ? String.valueOf(args[n]) : template.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** An attribute's name inside a sentence ("provider", "제공자"); an unknown attribute is named as it is. */
    public static String attribute(Lang lang, String attribute) {
        return IncidentWords.attribute(attribute).in(lang.tag());
    }

    /** The banner text. */
    public static String overall(Lang lang, Overall o) {
        return t(lang, "overall." + o.wireName());
    }

    /** A service health in words. */
    public static String health(Lang lang, Health h) {
        return t(lang, "health." + h.wireName());
    }

    /** An incident state in words. */
    public static String state(Lang lang, IncidentState s) {
        return t(lang, "state." + s.wireName());
    }

    /** A transition in words. */
    public static String transition(Lang lang, TransitionType t) {
        return t(lang, "tr." + t.wireName());
    }

    /** An update status in words. */
    public static String update(Lang lang, UpdateStatus s) {
        return t(lang, "up." + s.wireName());
    }

    /** The icon that goes with a health, so the state never rests on colour alone. */
    public static String icon(Health h) {
        return switch (h) {
            case UP -> "✔";
            case DEGRADED -> "▲";
            case DOWN -> "✖";
            case UNKNOWN -> "?";
        };
    }
}
