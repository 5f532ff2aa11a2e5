package dev.bongsu.detector.core;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Health;
import dev.bongsu.model.IncidentWords;
import dev.bongsu.model.LocalizedText;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every human sentence of detection, in Korean and English, in one table: one state always reads the same
 * ("장애" / "down", "성능 저하" / "degraded") in titles, reasons, timelines and hypotheses.
 */
final class Wording {
    private Wording() {
    }

    private static LocalizedText t(String ko, String en) {
        return new LocalizedText(ko, en);
    }

    // ---- words ----

    static LocalizedText health(Health h) {
        return switch (h) {
            case DOWN -> t("장애", "down");
            case DEGRADED -> t("성능 저하", "degraded");
            case UP -> t("정상", "up");
            case UNKNOWN -> t("알 수 없음", "unknown");
        };
    }

    static LocalizedText label(String attribute) {
        return IncidentWords.attribute(attribute);
    }

    static String cause(Evidence e) {
        return e.attribute() + "=" + e.value();
    }

    private static String window(Duration w, boolean ko) {
        if (w.toSeconds() % 60 == 0) {
            return w.toMinutes() + (ko ? "분" : " min");
        }
        return w.toSeconds() + (ko ? "초" : " s");
    }

    // ---- service state reasons ----

    static LocalizedText checkFailing(String check, int failing, int active, String error) {
        String err = error == null ? "" : " (" + error + ")";
        return t(check + " 실패: 관측 지점 " + active + "곳 중 " + failing + "곳" + err,
                check + " failing from " + failing + " of " + active + " vantages" + err);
    }

    static LocalizedText checkSlow(String check, int slow, int active, double recentMs, double baselineMs) {
        return t(String.format(Locale.ROOT, "%s 지연: 관측 지점 %d곳 중 %d곳 (%.0f ms, 평소 %.0f ms)", check, active, slow,
                        recentMs, baselineMs),
                String.format(Locale.ROOT, "%s slow from %d of %d vantages (%.0f ms, usually %.0f ms)", check, slow, active,
                        recentMs, baselineMs));
    }

    static LocalizedText joinReasons(List<LocalizedText> parts) {
        return parts.isEmpty() ? null : t(String.join("; ", parts.stream().map(LocalizedText::ko).toList()),
                String.join("; ", parts.stream().map(LocalizedText::en).toList()));
    }

    // ---- service incidents ----

    static LocalizedText serviceTitle(LocalizedText name, boolean down) {
        return IncidentWords.serviceTitle(name, down);
    }

    static LocalizedText detected(String s, Health h, LocalizedText reason) {
        return t(s + " " + health(h).ko() + " 감지: " + ko(reason), s + " detected " + health(h).en() + ": " + en(reason));
    }

    static LocalizedText nowIs(String s, Health h, LocalizedText reason) {
        return t(s + " 상태: " + health(h).ko() + ". " + ko(reason), s + " is now " + health(h).en() + ": " + en(reason));
    }

    private static String ko(LocalizedText reason) {
        return reason == null ? "" : reason.ko() + ".";
    }

    private static String en(LocalizedText reason) {
        return reason == null ? "" : reason.en() + ".";
    }

    static LocalizedText failingAgain(String s) {
        return t(s + " 다시 실패합니다.", s + " is failing again.");
    }

    static LocalizedText reopened(String s) {
        return t(s + "이(가) 복구 후 곧 다시 실패하여 장애를 다시 엽니다.",
                s + " is failing again soon after recovering; the incident is reopened.");
    }

    static LocalizedText serviceResolved(String s) {
        return t(s + " 복구되어 장애를 종료합니다.", s + " recovered; the incident is resolved.");
    }

    static LocalizedText recovered(String s) {
        return t(s + " 복구되었습니다.", s + " recovered.");
    }

    static LocalizedText flapping(String s, int changes, Duration window) {
        return t(s + " 상태가 불안정합니다: " + window(window, true) + " 동안 " + changes
                        + "번 바뀌었습니다. 바뀔 때마다 알리지 않고, 안정될 때까지 이 장애를 열어 둡니다.",
                s + " is flapping: " + changes + " changes in " + window(window, false)
                        + "; the incident stays open until it is stable, without a page per change.");
    }

    static LocalizedText serviceRemoved(String s) {
        return t(s + "이(가) 설정에서 제거되어 장애를 종료합니다.",
                s + " was removed from the configuration; the incident is resolved.");
    }

    static LocalizedText continuesAlone(String groupId) {
        return t("연관 장애 " + groupId + "이(가) 종료되어 이 장애는 단독으로 계속됩니다.",
                "Correlated incident " + groupId + " ended; this incident continues on its own.");
    }

    static LocalizedText orphanResolved() {
        return t("설정에 더 이상 없어 장애를 종료합니다.", "No longer in the configuration; the incident is resolved.");
    }

    // ---- correlated incidents ----

    static LocalizedText partOf(String groupId) {
        return t("연관 장애 " + groupId + "의 일부입니다.", "Part of correlated incident " + groupId + ".");
    }

    static LocalizedText groupOpened(List<String> members) {
        String list = String.join(", ", members);
        return t("서비스 " + members.size() + "개가 함께 실패합니다: " + list + ".",
                members.size() + " services are failing together: " + list + ".");
    }

    static LocalizedText joins(String s) {
        return t(s + "도 실패하여 이 장애에 합류했습니다.", s + " is failing too and joins this incident.");
    }

    static LocalizedText joinsLate(String s) {
        return t(s + "은(는) 먼저 실패하기 시작했고 같은 원인으로 보여 이 장애에 합류했습니다.",
                s + " started failing earlier and shares the cause; it joins this incident.");
    }

    static LocalizedText groupResolved() {
        return t("모든 서비스가 복구되어 장애를 종료합니다.", "All services recovered; the incident is resolved.");
    }

    static LocalizedText removedFromGroup(String s) {
        return t(s + "이(가) 설정에서 제거되어 이 장애에서 빠졌습니다.",
                s + " was removed from the configuration and leaves this incident.");
    }

    static LocalizedText groupTooFew() {
        return t("설정 변경 후 남은 서비스가 2개 미만이어서 장애를 종료합니다. 아직 실패하는 서비스는 자체 장애로 계속됩니다.",
                "Fewer than two services remain after the configuration change; the incident is resolved. "
                        + "A service still failing continues in its own incident.");
    }

    static LocalizedText groupCritical() {
        return t("서비스에 장애가 있어 심각도가 critical로 올라갔습니다.", "A member is down: severity is now critical.");
    }

    static LocalizedText groupWarning() {
        return t("장애 상태인 서비스가 없어 심각도가 warning으로 내려갔습니다.", "No member is down any more: severity is now warning.");
    }

    /**
     * The title of a correlated incident: the number of members and, when every member publishes the cause's
     * attribute, the cause by its display name ("카카오 서비스 4개 동시 장애" / "4 Kakao services down").
     */
    static LocalizedText groupTitle(int n, Evidence cause, boolean causeIsPublic, IncidentWords.ValueNames names) {
        return cause == null || !causeIsPublic ? IncidentWords.groupTitle(n, null, (LocalizedText) null)
                : IncidentWords.groupTitle(n, cause.attribute(), names.name(cause.attribute(), cause.value()));
    }

    /** The timeline entry when new evidence changes the top cause of a correlated incident. */
    static LocalizedText revised(Evidence from, int fromExplained, Evidence to, int toExplained, int members) {
        return t("추정 원인이 " + cause(from) + "에서 " + cause(to) + "(으)로 바뀌었습니다: " + label(to.attribute()).ko() + " "
                        + to.value() + "의 서비스 " + to.total() + "개 중 " + to.down() + "개가 장애이고 실패한 서비스 " + members
                        + "개 중 " + toExplained + "개를 설명합니다. " + cause(from) + "은(는) " + from.down() + "/" + from.total()
                        + "이고 " + fromExplained + "개만 설명합니다.",
                "Likely cause revised from " + cause(from) + " to " + cause(to) + ": " + to.down() + " of " + to.total()
                        + " services of " + label(to.attribute()).en() + " " + to.value() + " are down, explaining "
                        + toExplained + " of " + members + " failing services; " + cause(from) + " is " + from.down() + "/"
                        + from.total() + " and explains " + fromExplained + ".");
    }

    // ---- hypotheses ----

    static LocalizedText noCommonAttribute(int n) {
        return t("서비스 " + n + "개가 함께 실패했지만 공통 속성이 없습니다.", n + " services failed together but share no attribute.");
    }

    /** "All 4 services of provider kakao are down" / "3 of 4 …", the start of a correlated hypothesis. */
    static LocalizedText groupHead(Evidence top) {
        LocalizedText l = label(top.attribute());
        String en = top.down() == top.total()
                ? (top.total() == 1 ? "The only service" : "All " + top.total() + " services")
                : top.down() + " of " + top.total() + " services";
        en += " of " + l.en() + " " + top.value() + (top.down() == 1 ? " is down" : " are down");
        String ko = l.ko() + " " + top.value() + "의 서비스 " + top.total()
                + (top.down() == top.total() ? "개가 모두 장애입니다" : "개 중 " + top.down() + "개가 장애입니다");
        return t(ko, en);
    }

    /** The part that says how many of the failing services the top cause explains, when not all. */
    static LocalizedText explainsOnly(int explained, int members) {
        return t(" (실패한 서비스 " + members + "개 중 " + explained + "개를 설명합니다)",
                " (explaining " + explained + " of " + members + " failing services)");
    }

    /** ", all hosted in datacenter pangyo; naver services in pangyo are unaffected". */
    static LocalizedText context(Evidence context, String unaffectedProvider, int unaffected) {
        LocalizedText cl = label(context.attribute());
        String preposition = switch (context.attribute()) {
            case "datacenter", "region" -> "hosted in";
            case "dependsOn" -> "depending on";
            default -> "of";
        };
        String v = context.value();
        String en = ", all " + preposition + " " + cl.en() + " " + v + "; ";
        String ko = " (모두 " + cl.ko() + " " + v + "). ";
        if (unaffectedProvider != null) {
            en += unaffectedProvider + " services in " + v + " are unaffected";
            ko += v + "의 " + unaffectedProvider + " 서비스는 정상입니다";
        } else {
            en += "the other " + unaffected + (unaffected == 1 ? " service in " : " services in ") + v
                    + (unaffected == 1 ? " is unaffected" : " are unaffected");
            ko += v + "의 다른 서비스 " + unaffected + "개는 정상입니다";
        }
        return t(ko, en);
    }

    /** What the top cause means: "provider-side failure", "failure of the whole datacenter X", … */
    static LocalizedText meaning(Evidence top) {
        String v = top.value();
        return switch (top.attribute()) {
            case "provider" -> t("제공자 측 장애로 보입니다", "provider-side failure");
            case "datacenter" -> t("데이터센터 " + v + " 전체의 장애로 보입니다", "failure of the whole datacenter " + v);
            case "region" -> t("지역 " + v + "의 장애로 보입니다", "regional failure in " + v);
            case "dependsOn" -> t("공통 의존성 " + v + "의 장애로 보입니다", "failure of the shared dependency " + v);
            case "category" -> t("분류 " + v + " 전체의 장애로 보입니다", "failure across category " + v);
            default -> t(top.attribute() + "=" + v + " 장애로 보입니다", "failure of " + top.attribute() + "=" + v);
        };
    }

    /** Joins the parts of a hypothesis: head, details, " → ", meaning, ".". */
    static LocalizedText sentence(LocalizedText head, List<LocalizedText> details, LocalizedText meaning) {
        StringBuilder ko = new StringBuilder(head.ko());
        StringBuilder en = new StringBuilder(head.en());
        for (LocalizedText d : details) {
            ko.append(d.ko());
            en.append(d.en());
        }
        return t(ko + " → " + meaning.ko() + ".", en + " → " + meaning.en() + ".");
    }

    /** "Only kakaotalk is failing; the other services of provider kakao (3) and … are up → a fault of the service itself." */
    static LocalizedText onlyService(String s, List<Evidence> healthyPeers) {
        StringBuilder en = new StringBuilder("Only ").append(s).append(" is failing");
        StringBuilder ko = new StringBuilder(s).append("만 실패하고 있습니다");
        if (!healthyPeers.isEmpty()) {
            en.append("; the other services of ");
            ko.append(". ");
            for (int i = 0; i < healthyPeers.size(); i++) {
                Evidence e = healthyPeers.get(i);
                en.append(i == 0 ? "" : " and ").append(label(e.attribute()).en()).append(' ').append(e.value())
                        .append(" (").append(e.total() - 1).append(')');
                ko.append(i == 0 ? "" : ", ").append(label(e.attribute()).ko()).append(' ').append(e.value())
                        .append("의 다른 서비스(").append(e.total() - 1).append("개)");
            }
            en.append(" are up");
            ko.append("는 정상입니다");
        }
        return t(ko + " → 서비스 자체의 장애로 보입니다.", en + " → a fault of the service itself.");
    }

    // ---- probe faults ----

    static LocalizedText probeFaultTitle(String v) {
        return t("관측 지점 " + v + " 프로브 장애", "Probe fault at vantage " + v);
    }

    static LocalizedText vantageSilent(String v) {
        return t("관측 지점 " + v + "에서 결과가 오지 않습니다 → 프로브 측 장애(프로브 프로세스나 네트워크)로 보입니다. 정족수에서 제외했습니다.",
                "No results arrive from vantage " + v
                        + " → a fault on the probe's side (its process or network); it is left out of the quorum.");
    }

    static LocalizedText vantageUnconfirmed(String v, int unconfirmed, int checks) {
        return t("관측 지점 " + v + "에서 점검 " + checks + "개 중 " + unconfirmed
                        + "개가 실패하지만 다른 관측 지점에서는 정상입니다 → 프로브 측 장애(그 지점의 네트워크)로 보입니다. 정족수에서 제외했습니다.",
                "Vantage " + v + " fails " + unconfirmed + " of " + checks
                        + " checks that the other vantages see up → a fault on the probe's side (its network or host); it is left out of the quorum.");
    }

    static LocalizedText vantageOverloaded(String v, String node, long lagMs) {
        return t("관측 지점 " + v + "의 프로브 노드 " + node + "이(가) 과부하 상태입니다 (스케줄러 지연 " + lagMs
                        + " ms) → 네트워크 장애가 아니라 프로브 노드의 과부하로, 결과가 늦거나 시간 초과됩니다. 정족수에서 제외했습니다.",
                "Probe node " + node + " of vantage " + v + " is overloaded (scheduler lag " + lagMs
                        + " ms) → its probes run late or time out; a fault of the probe node, not of the network. It is left out of the quorum.");
    }

    static LocalizedText vantageLocalResource(String v, int localChecks, int checks, String reason) {
        String why = reason == null ? "" : " (" + reason + ")";
        return t("관측 지점 " + v + "의 프로브 노드가 점검 " + checks + "개 중 " + localChecks
                        + "개를 실행하지 못합니다" + why + " → 파일 디스크립터나 로컬 포트 등 프로브 노드 자신의 자원이 고갈된 것으로, 서비스 장애의 증거가 아닙니다. 정족수에서 제외했습니다.",
                "The probe node of vantage " + v + " cannot run " + localChecks + " of " + checks + " checks" + why
                        + " → the probe node itself is out of file descriptors, local ports or threads; this is no evidence about the services. It is left out of the quorum.");
    }

    static LocalizedText blindLocal(int vantages) {
        return t("모든 관측 지점(" + vantages + "곳)의 프로브 노드가 점검을 실행하지 못합니다 → 모니터 자신의 자원(파일 디스크립터, 로컬 포트, 스레드)이 "
                        + "고갈되어 모니터링이 멈췄습니다. 서비스 상태는 알 수 없음으로 바뀌며, 이 동안의 서비스 장애는 감지되지 않습니다.",
                "The probe nodes of every vantage (" + vantages + ") cannot run their probes → the monitor's own host is out of file "
                        + "descriptors, local ports or threads, and monitoring is blind from every vantage; services become unknown and "
                        + "outages meanwhile go unseen.");
    }

    static LocalizedText vantageReasonChanged(LocalizedText now) {
        return t("원인이 바뀌었습니다: " + now.ko(), "The cause changed: " + now.en());
    }

    static LocalizedText vantageResolved(String v) {
        return t("관측 지점 " + v + "이(가) 다시 정상적으로 측정합니다.", "Vantage " + v + " measures normally again.");
    }

    static LocalizedText vantageRemoved(String v) {
        return t("관측 지점 " + v + "이(가) 설정에서 제거되어 장애를 종료합니다.",
                "Vantage " + v + " was removed from the configuration; the incident is resolved.");
    }

    static LocalizedText networkTitle() {
        return t("모든 관측 지점에서 거의 모든 점검 실패", "Every vantage fails nearly every check");
    }

    static LocalizedText network(int vantages, int failingChecks, int checks) {
        return t("모든 관측 지점(" + vantages + "곳)에서 거의 모든 점검이 실패합니다 (" + failingChecks + "/" + checks
                        + ") → 모니터 자체의 네트워크 장애이거나 전국적인 통신 장애로 보입니다.",
                "Every vantage (" + vantages + ") fails nearly every check (" + failingChecks + " of " + checks
                        + ") → the monitor's own network, or a nationwide network outage.");
    }

    static LocalizedText networkResolved() {
        return t("관측 지점들이 다시 정상적으로 측정합니다.", "The vantages measure normally again.");
    }

    static LocalizedText blindTitle() {
        return t("모든 관측 지점에서 모니터링 불가", "Monitoring is blind from every vantage");
    }

    static LocalizedText blind(int vantages) {
        return t("모든 관측 지점(" + vantages + "곳)에서 결과가 오지 않습니다 → 모니터링이 완전히 멈췄습니다(모든 프로브 노드 중단이나 "
                        + "모니터 쪽 연결 끊김). 서비스 상태는 알 수 없음으로 바뀌며, 이 동안의 서비스 장애는 감지되지 않습니다.",
                "No results arrive from any vantage (" + vantages + ") → monitoring is blind from every vantage (every probe "
                        + "node stopped, or the monitor is cut off); services become unknown and outages meanwhile go unseen.");
    }

    static LocalizedText blindResolved() {
        return t("관측 지점에서 다시 결과가 옵니다.", "Results arrive again; monitoring can see.");
    }
}
