package dev.bongsu.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.app.web.ConnectionState.Overstay;
import dev.bongsu.app.web.ConnectionState.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionStateTest {
    private static final long S = 1_000_000_000L;

    private final ConnectionState c = new ConnectionState(100 * S, Duration.ofSeconds(10), Duration.ofSeconds(5));

    @Test
    void aHeadIsDueWithinTheHeadTimeoutOfTheAcceptWhateverTrickles() {
        assertThat(c.overstay(109 * S)).isEqualTo(Overstay.NONE);
        assertThat(c.overstay(110 * S)).isEqualTo(Overstay.HEAD);
        assertThat(c.idle()).isTrue();
    }

    @Test
    void aRequestBeingAnsweredIsNeverCutOff() {
        c.headArrived(101 * S, true);

        assertThat(c.phase()).isEqualTo(Phase.RESPONDING);
        assertThat(c.idle()).isFalse();
        assertThat(c.overstay(1000 * S)).isEqualTo(Overstay.NONE);
    }

    @Test
    void aBodyIsDueWithinTheHeadTimeoutOfItsHead() {
        c.headArrived(105 * S, false);

        assertThat(c.overstay(114 * S)).isEqualTo(Overstay.NONE);
        assertThat(c.overstay(115 * S)).isEqualTo(Overstay.BODY);
        c.bodyArrived(114 * S);
        assertThat(c.overstay(200 * S)).isEqualTo(Overstay.NONE);
    }

    @Test
    void aKeptAliveConnectionGetsTheKeepAliveTimeoutFromTheEndOfTheResponse() {
        c.headArrived(101 * S, true);
        c.responseEnded(102 * S);

        assertThat(c.phase()).isEqualTo(Phase.KEPT_ALIVE);
        assertThat(c.idle()).isTrue();
        assertThat(c.overstay(106 * S)).isEqualTo(Overstay.NONE);
        assertThat(c.overstay(107 * S)).isEqualTo(Overstay.KEEP_ALIVE);
        c.headArrived(106 * S, true);
        assertThat(c.overstay(107 * S)).isEqualTo(Overstay.NONE);
    }

    @Test
    void theKeepAliveTimeoutNeverExceedsTheHeadTimeout() {
        ConnectionState lenient = new ConnectionState(0, Duration.ofSeconds(10), Duration.ofSeconds(60));
        lenient.headArrived(S, true);
        lenient.responseEnded(2 * S);

        assertThat(lenient.overstay(12 * S)).isEqualTo(Overstay.KEEP_ALIVE);
    }
}
