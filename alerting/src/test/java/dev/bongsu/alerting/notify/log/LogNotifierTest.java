package dev.bongsu.alerting.notify.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.support.Notifications;
import org.junit.jupiter.api.Test;

class LogNotifierTest {
    @Test
    void oneLinePerNotificationWithIdsAndCause() {
        assertThat(LogNotifier.line(Notifications.updated())).isEqualTo("notification incident.updated receiver=oncall incident=01JABCDEF"
                + " key=01JABCDEF:2 kind=correlated severity=critical services=kakaotalk,kakaobank,kakaopay,kakaomap"
                + " title=\"Correlated outage: 4 services, likely cause datacenter=pangyo\""
                + " cause=\"All 4 services in datacenter pangyo are down → datacenter failure\""
                + " cause_changed=\"provider=kakao → datacenter=pangyo\""
                + " link=https://status.example.kr/incidents/01JABCDEF");
        assertThat(LogNotifier.line(Notifications.resolved())).isEqualTo("notification incident.resolved receiver=oncall incident=01JABCDEF"
                + " key=01JABCDEF:3 kind=correlated severity=critical services=kakaotalk,kakaobank,kakaopay,kakaomap"
                + " title=\"Correlated outage: 4 services, likely cause datacenter=pangyo\""
                + " cause=\"All 4 services in datacenter pangyo are down → datacenter failure\""
                + " link=https://status.example.kr/incidents/01JABCDEF");
        assertThat(new LogNotifier("log").send(Notifications.opened()).result().isDelivered()).isTrue();
    }
}
