package dev.bongsu.probes.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ErrorClass;
import io.netty.channel.ChannelException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailuresTest {
    static Stream<Arguments> probingHostOutOfResources() {
        return Stream.of(
                Arguments.of(new SocketException("Too many open files"), ProbePhase.CONNECT),
                Arguments.of(new IOException("newSocketStream(..) failed: Too many open files"), ProbePhase.CONNECT),
                Arguments.of(new SocketException("Too many open files in system"), ProbePhase.CONNECT),
                Arguments.of(new BindException("Cannot assign requested address"), ProbePhase.CONNECT),
                Arguments.of(new IOException("No buffer space available (sendto failed)"), ProbePhase.QUERY),
                Arguments.of(new ChannelException("Failed to open a socket.", new SocketException("Too many open files")),
                        ProbePhase.CONNECT),
                Arguments.of(new ChannelException("Unable to create Channel from class class NioSocketChannel"), ProbePhase.CONNECT),
                Arguments.of(new IllegalStateException("failed to create a child event loop"), ProbePhase.CONNECT),
                Arguments.of(new RejectedExecutionException("event executor terminated"), ProbePhase.CONNECT),
                Arguments.of(new OutOfMemoryError("unable to create native thread: possibly out of memory"), ProbePhase.CONNECT),
                // whatever the phase: a TLS upgrade or a DNS lookup that cannot get a socket is the host's fault too
                Arguments.of(new SocketException("Too many open files"), ProbePhase.TLS),
                Arguments.of(new javax.net.ssl.SSLException("handshake failed", new SocketException("Too many open files")), ProbePhase.TLS),
                Arguments.of(new IOException("Too many open files"), ProbePhase.RESOLVE));
    }

    @ParameterizedTest
    @MethodSource("probingHostOutOfResources")
    void theProbingHostOutOfResourcesIsLocalResource(Throwable cause, ProbePhase phase) {
        Failure f = Failures.classify(cause, phase, "127.0.0.1:443");
        assertThat(f.error()).isEqualTo(ErrorClass.LOCAL_RESOURCE);
        assertThat(f.error().probeSide()).isTrue();
        assertThat(f.detail()).startsWith("probe of 127.0.0.1:443 could not run on this host: ");
        assertThat(Failures.isLocal(cause)).isTrue();
    }

    static Stream<Arguments> aboutTheTarget() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), ProbePhase.CONNECT, ErrorClass.CONNECT_REFUSED),
                Arguments.of(new SocketException("Connection reset"), ProbePhase.READ_RESPONSE, ErrorClass.CONNECTION_RESET),
                Arguments.of(new NoRouteToHostException("No route to host"), ProbePhase.CONNECT, ErrorClass.NETWORK),
                Arguments.of(new SocketException("Network is unreachable"), ProbePhase.CONNECT, ErrorClass.NETWORK),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), ProbePhase.TLS, ErrorClass.TLS),
                Arguments.of(new IllegalStateException("bug"), ProbePhase.WAIT_RESPONSE, ErrorClass.INTERNAL));
    }

    @ParameterizedTest
    @MethodSource("aboutTheTarget")
    void failuresAboutTheTargetKeepTheirClass(Throwable cause, ProbePhase phase, ErrorClass expected) {
        assertThat(Failures.classify(cause, phase, "127.0.0.1:443").error()).isEqualTo(expected);
        assertThat(Failures.isLocal(cause)).isFalse();
        assertThat(expected.probeSide()).isFalse();
    }
}
