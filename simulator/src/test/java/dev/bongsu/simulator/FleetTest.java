package dev.bongsu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.scenario.FleetService;
import dev.bongsu.model.scenario.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTest {
    private final Fleet fleet = Fleet.defaultFleet();

    @Test
    void theSimulatorRunsTheOneDefaultFleetOfTheModel() {
        assertThat(fleet.model()).isEqualTo(dev.bongsu.model.scenario.Fleet.defaultFleet());
        assertThat(fleet.ids()).containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "line", "naverbank",
                "naverpay", "navermap");
        assertThat(fleet.select(Target.datacenter("pangyo", "kakao"))).extracting(FleetService::id)
                .containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
    }

    @Test
    void addressesFollowTheBasePort() {
        List<ServiceAddress> addresses = fleet.addresses("127.0.0.1", 18101);

        assertThat(addresses).extracting(ServiceAddress::address).startsWith("127.0.0.1:18101", "127.0.0.1:18102");
        assertThat(addresses.get(7).healthUrl()).hasToString("http://127.0.0.1:18108/health");
    }
}
