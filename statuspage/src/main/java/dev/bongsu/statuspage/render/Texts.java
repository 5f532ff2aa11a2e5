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
            // the embeddable widget and its badges
            e("embed.full", "전체 상태 페이지 보기", "Full status page"),
            e("embed.more", "외 {0}건", "and {0} more"),
            e("embed.badge", "서비스 상태", "status"),
            // operator incidents, the one-incident timeline and postmortems
            e("declared", "운영자 공지", "Declared by the operator"),
            e("impact", "영향", "Impact"),
            e("impact.degraded", "성능 저하", "Degraded performance"),
            e("impact.partial_outage", "부분 장애", "Partial outage"),
            e("impact.major_outage", "전면 장애", "Major outage"),
            e("declared.reason", "운영자 공지: {0}", "Declared by the operator: {0}"),
            e("tl.declared.opened", "운영자가 장애를 공지했습니다: {0} ({1})", "Declared by the operator: {0} ({1})"),
            e("tl.declared.updated", "운영자가 장애 정보를 바꿨습니다: {0} ({1})", "Changed by the operator: {0} ({1})"),
            e("tl.declared.resolved", "운영자가 장애 해결을 알렸습니다", "Resolved by the operator"),
            e("tl.started", "장애 시작 (첫 실패 관측)", "Started (first failing probe)"),
            e("tl.detected", "장애 감지: {0}", "Detected: {0}"),
            e("tl.recovered", "복구: {0}", "Recovered: {0}"),
            e("tl.step.started", "시작", "Started"),
            e("tl.step.declared", "공지", "Declared"),
            e("tl.step.detected", "감지", "Detected"),
            e("tl.step.acknowledged", "확인", "Acknowledged"),
            e("tl.acknowledged", "담당자가 확인함", "Acknowledged by the on-call team"),
            e("tl.step.changed", "변경", "Changed"),
            e("tl.step.update", "운영자 업데이트", "Team update"),
            e("tl.step.recovered", "복구", "Recovered"),
            e("tl.step.resolved", "해결", "Resolved"),
            e("postmortem", "사후 분석", "Postmortem"),
            e("permalink", "고유 주소", "Permalink"),
            // scheduled maintenance (home section, permalink page, maintenance state)
            e("overall.maintenance", "점검 중인 서비스가 있습니다", "Scheduled maintenance in progress"),
            e("health.maintenance", "점검 중", "Under maintenance"),
            e("maint.upcoming", "예정된 점검", "Scheduled maintenance"),
            e("maint.active", "진행 중인 점검", "Maintenance in progress"),
            e("maint.window", "점검 시간", "Window"),
            e("maint.services", "대상 서비스", "Affected services"),
            e("maint.all", "모든 서비스", "All services"),
            e("maint.recurring", "정기 점검 (다음 일정)", "Recurring (next window)"),
            e("maint.phase.scheduled", "예정", "Scheduled"),
            e("maint.phase.in_progress", "점검 중", "In progress"),
            e("maint.phase.completed", "완료", "Completed"),
            e("maint.phase.cancelled", "취소됨", "Cancelled"),
            e("maint.cancelled.at", "취소 시각", "Cancelled at"),
            e("maint.during", "예정된 점검 중에 발생", "During scheduled maintenance"),
            e("maint.note", "점검 중인 서비스의 실제 측정 결과는 기록에 그대로 남습니다.",
                    "What the probes measure during maintenance is still recorded and shown in the history."),
            // subscriptions (form, confirm, unsubscribe)
            e("sub.nav", "구독", "Subscribe"),
            e("sub.title", "상태 알림 구독", "Subscribe to status updates"),
            e("sub.intro", "장애가 생기거나 해결되면 알려 드립니다. 여러 서비스가 함께 멈춘 장애도 메시지는 하나입니다.",
                    "We tell you when an incident starts and when it is resolved: one message per incident, even when many services fail together."),
            e("sub.email", "이메일 주소", "E-mail address"),
            e("sub.webhook", "이메일 대신 웹훅으로 받기", "Use a webhook instead of e-mail"),
            e("sub.webhook.help", "웹훅 URL (서명된 JSON을 이 주소로 POST합니다)", "Webhook URL (signed JSON is POSTed to it)"),
            e("sub.lang", "메시지 언어", "Language of the messages"),
            e("sub.scope", "알림 받을 범위", "What to hear about"),
            e("sub.scope.help", "아무것도 고르지 않으면 모든 서비스의 장애를 알려 드립니다.", "Choose nothing to hear about every service."),
            e("sub.providers", "제공자", "Providers"),
            e("sub.categories", "분류", "Categories"),
            e("sub.services", "서비스", "Services"),
            e("sub.privacy", "주소는 이 알림에만 쓰이고 어디에도 공개되지 않습니다. 모든 메시지에 구독 취소 링크가 있습니다.",
                    "Your address is used only for these messages and is never shown anywhere. Every message has an unsubscribe link."),
            e("sub.submit", "구독하기", "Subscribe"),
            e("sub.error", "입력을 확인해 주세요: {0}", "Please check your input: {0}"),
            e("sub.pending.title", "받은 편지함을 확인해 주세요", "Check your inbox"),
            e("sub.pending.email", "구독을 확인하는 링크를 보냈습니다. {0} 안에 링크를 열어 확인해 주세요. 확인하기 전에는 알림을 보내지 않습니다.",
                    "We sent you a link to confirm the subscription. Open it within {0}; nothing is sent before you confirm."),
            e("sub.pending.webhook", "웹훅 주소로 확인 요청(subscription.confirm)을 보냈습니다. 요청에 담긴 링크를 {0} 안에 열어 확인해 주세요.",
                    "We sent a confirmation request (subscription.confirm) to the webhook. Open the link it carries within {0} to confirm."),
            e("sub.notsent.title", "확인 메시지를 지금 보내지 못했습니다", "The confirmation could not be sent now"),
            e("sub.notsent", "구독 요청은 저장했지만 확인 메시지를 지금은 보낼 수 없습니다. 잠시 뒤에 다시 구독해 주세요.",
                    "Your request is saved, but the confirmation message cannot be sent right now. Please subscribe again a little later."),
            e("sub.confirm.title", "구독 확인", "Confirm your subscription"),
            e("sub.confirm.text", "아래 버튼을 누르면 구독이 시작됩니다.", "Press the button below to start the subscription."),
            e("sub.confirm.button", "구독 확인", "Confirm subscription"),
            e("sub.confirmed", "구독이 확인되었습니다. 장애가 생기면 알려 드립니다.", "Your subscription is confirmed. We will tell you about incidents."),
            e("sub.expired", "이 확인 링크는 만료되었습니다. 다시 구독해 주세요.", "This confirmation link has expired. Please subscribe again."),
            e("sub.invalid", "이 링크는 올바르지 않거나 더 이상 쓸 수 없습니다.", "This link is not valid or can no longer be used."),
            e("sub.unsubscribe.title", "구독 취소", "Unsubscribe"),
            e("sub.unsubscribe.text", "아래 버튼을 누르면 더 이상 메시지를 보내지 않습니다.", "Press the button below to stop all messages."),
            e("sub.unsubscribe.button", "구독 취소", "Unsubscribe"),
            e("sub.unsubscribed", "구독이 취소되었습니다. 더 이상 메시지를 보내지 않으며 주소는 삭제했습니다.",
                    "You are unsubscribed. No more messages will be sent, and your address has been deleted."),
            e("sub.busy.title", "잠시 뒤에 다시 시도해 주세요", "Please try again later"),
            e("sub.too.many", "이 주소에서 구독 요청이 너무 많습니다. 한 시간 뒤에 다시 시도해 주세요.",
                    "Too many subscription requests from your address. Please try again in an hour."),
            e("sub.too.many.pending", "확인을 기다리는 구독이 너무 많습니다. 나중에 다시 시도해 주세요.",
                    "Too many subscriptions are waiting for confirmation. Please try again later."),
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
            // outage map by vantage (table and verdict sentence)
            e("vmap.title", "어디에서 실패하나", "Where it fails from"),
            e("vmap.col.vantage", "관측 지점", "Vantage"),
            e("vmap.col.region", "지역", "Region"),
            e("vmap.col.network", "통신망", "Network"),
            e("vmap.col.state", "상태", "State"),
            e("vmap.col.probes", "실패 / 전체 측정", "Failed / probes"),
            e("vmap.state.fails", "실패", "Fails"),
            e("vmap.state.partly", "일부 실패", "Partly fails"),
            e("vmap.state.works", "정상", "Works"),
            e("vmap.state.no_data", "데이터 없음", "No data"),
            e("vmap.window.live", "최근 {0}분 동안의 측정", "Probes of the last {0} minutes"),
            e("vmap.until", "기준 시각", "up to"),
            e("vmap.window.incident", "장애 기간의 측정:", "Probes during the incident:"),
            e("vmap.window.capped", "(처음 {0}시간만)", "(its first {0} hours only)"),
            e("vmap.v.no_data", "아직 어느 관측 지점에서도 측정값이 없습니다.", "No vantage has measurements yet."),
            e("vmap.v.one.fails", "{0}에서만 측정되었고 실패합니다. 관측 지점 하나로는 서비스 문제인지 통신망 문제인지 알 수 없습니다.",
                    "Only {0} has measurements, and it fails there. One vantage only: cannot tell the service from the network."),
            e("vmap.v.one.works", "{0}에서만 측정되었고 정상입니다. 관측 지점 하나로는 다른 곳에서도 정상인지 알 수 없습니다.",
                    "Only {0} has measurements, and it works there. One vantage only: cannot tell how it works elsewhere."),
            e("vmap.v.works_everywhere", "모든 관측 지점({0})에서 정상", "Works from every vantage ({0})"),
            e("vmap.v.fails_everywhere", "모든 관측 지점({0})에서 실패 → 통신망이 아니라 서비스 자체의 문제",
                    "Fails from every vantage ({0}) → the service itself, not a network"),
            e("vmap.v.network", "{0}에서만 실패, {1}에서는 정상 → 서비스가 아니라 {2} 통신망 문제일 가능성이 큼",
                    "Fails only from {0}, works from {1} → likely a {2} network problem, not the service"),
            e("vmap.v.country", "{0}에서 실패, {1}에서는 정상 → 한 통신사 문제가 아님: {2} 안에서만 실패하므로 국내 통신망 문제나 지역 차단이며, "
                    + "서비스 전체의 장애는 아님",
                    "Fails from {0}, works from {1} → not one ISP's problem: it fails inside {2} only, so a domestic network problem "
                    + "or geo-blocking, not the service's global availability"),
            e("vmap.v.network_or_country", "{0}에서만 실패, {1}에서는 정상 → {2} 통신망 문제이거나 {3} 안의 문제. 이 관측 지점들로는 둘을 구별할 수 없음",
                    "Fails only from {0}, works from {1} → a {2} network problem or one inside {3}; these vantages cannot tell which"),
            e("vmap.v.place_or_country", "{0}에서만 실패, {1}에서는 정상 → {0}의 통신망 문제이거나 {2} 안의 문제. 이 관측 지점들로는 둘을 구별할 수 없음",
                    "Fails only from {0}, works from {1} → a problem of the network of {0} or one inside {2}; these vantages cannot tell which"),
            e("vmap.v.mixed", "{0}에서 실패, {1}에서는 정상 → 일부 관측 지점에서만 실패하며, 한 통신망이나 한 나라로 설명되지 않음",
                    "Fails from {0}, works from {1} → only some vantages fail, and no single network or country explains it"),
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
            // subscription messages (e-mail bodies and webhook texts)
            e("msg.event.incident.opened", "{0}에 장애가 시작되었습니다.", "It began at {0}."),
            e("msg.event.incident.updated", "{0}에 영향받는 서비스가 늘었습니다.", "More services were affected at {0}."),
            e("msg.event.incident.resolved", "{0}에 복구되었습니다.", "It was resolved at {0}."),
            e("msg.event.maintenance.scheduled", "점검이 예정되었습니다. 시작: {0}", "Maintenance is scheduled to begin at {0}."),
            e("msg.event.maintenance.started", "{0}에 점검이 시작되었습니다.", "Maintenance began at {0}."),
            e("msg.event.maintenance.ended", "{0}에 점검이 끝났습니다.", "Maintenance ended at {0}."),
            e("msg.event.other", "{0} 기준 소식입니다.", "An update as of {0}."),
            e("msg.services", "영향받는 서비스: {0}", "Affected services: {0}"),
            e("msg.details", "자세히 보기: {0}", "Details: {0}"),
            e("msg.footer", "{0} 알림을 구독하셔서 받으신 메일입니다.", "You receive this because you subscribed to {0}."),
            e("msg.unsubscribe", "구독 취소: {0}", "Unsubscribe: {0}"),
            e("msg.confirm.subject", "{0} 알림 구독을 확인해 주세요", "Confirm your subscription to {0}"),
            e("msg.confirm.body", "아래 링크를 열어 구독을 확인해 주세요. 확인하기 전에는 알림을 보내지 않습니다.",
                    "Open the link below to confirm your subscription. Nothing is sent until you do."),
            e("msg.confirm.link", "구독 확인: {0}", "Confirm: {0}"),
            e("msg.confirm.ignore", "직접 신청하지 않으셨다면 이 메일을 무시하세요.", "If you did not ask for this, ignore this e-mail."),
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
