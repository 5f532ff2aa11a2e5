package dev.bongsu.probes.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.TcpTarget;
import io.netty.channel.ChannelException;
import io.vertx.core.Future;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckersTest {
    private static final CheckConfig CHECK = Fixtures.check("svc.tcp", CheckType.TCP, new TcpTarget("127.0.0.1", 1), Duration.ofSeconds(1));

    private static Checkers throwing(RuntimeException e, boolean synchronously) {
        return new Checkers(List.of(new Checker() {
            @Override
            public CheckType type() {
                return CheckType.TCP;
            }

            @Override
            public Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs) {
                if (synchronously) {
                    throw e;
                }
                return Future.failedFuture(e);
            }
        }));
    }

    @Test
    void aCheckerThatCannotGetASocketIsLocalResourceNotInternal() {
        for (boolean sync : List.of(true, false)) {
            ProbeResult r = throwing(new ChannelException("Failed to open a socket.", new SocketException("Too many open files")), sync)
                    .probe(CHECK, "seoul", Fixtures.NOW).result();
            assertThat(r.error()).isEqualTo(ErrorClass.LOCAL_RESOURCE);
            assertThat(r.detail()).isEqualTo("probe of check svc.tcp could not run on this host: Too many open files");
        }
    }

    @Test
    void aCheckerBugStaysInternal() {
        ProbeResult r = throwing(new IllegalStateException("oops"), true).probe(CHECK, "seoul", Fixtures.NOW).result();
        assertThat(r.error()).isEqualTo(ErrorClass.INTERNAL);
        assertThat(r.detail()).isEqualTo("checker failed: oops");
    }
}
