package dev.bongsu.probes.check;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The network steps every checker shares, each timed into its {@link ProbeAttempt}: resolve a host (skipped for IP
 * literals), open a fresh TCP connection, and upgrade it to TLS. A failed step has already completed the attempt
 * with its classified result; the returned future then fails only to stop the caller's chain.
 */
public final class Connector {
    private static final Exception STOPPED = new Exception("probe already completed", null, false, false) {
    };
    private final HostResolver resolver;
    private final NetClient client;
    private final ClientSSLOptions verifying;
    private final ClientSSLOptions trustingAll;

    /**
     * A connector on {@code vertx}; {@code trust} is the trust store for verified TLS, {@code null} for the JDK's
     * default CA certificates.
     */
    public Connector(Vertx vertx, HostResolver resolver, TrustOptions trust) {
        this.resolver = resolver;
        // connections are never reused: a fresh one per probe measures connect and TLS every time
        this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setReuseAddress(true));
        ClientSSLOptions v = new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS");
        if (trust != null) {
            v.setTrustOptions(trust);
        }
        this.verifying = v;
        this.trustingAll = new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm("");
    }

    /** Resolves {@code host}, or parses it when it is an IP literal (then no DNS time is recorded). */
    public Future<InetAddress> resolve(ProbeAttempt a, String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        a.enter(ProbePhase.RESOLVE, bare);
        if (NetUtil.isValidIpV4Address(bare) || NetUtil.isValidIpV6Address(bare)) {
            try {
                return Future.succeededFuture(InetAddress.getByAddress(bare, NetUtil.createByteArrayFromIpAddressString(bare)));
            } catch (UnknownHostException e) {
                a.fail(e);
                return Future.failedFuture(STOPPED);
            }
        }
        long t = System.nanoTime();
        return resolver.resolve(bare).transform(ar -> {
            if (a.done()) {
                return Future.failedFuture(STOPPED);
            }
            a.addDns(ProbeAttempt.since(t));
            if (ar.failed()) {
                a.fail(ar.cause());
                return Future.failedFuture(STOPPED);
            }
            // keep the name with the address: TLS verifies the certificate against the name, not the address
            try {
                return Future.succeededFuture(InetAddress.getByAddress(bare, ar.result().getAddress()));
            } catch (UnknownHostException e) {
                a.fail(e);
                return Future.failedFuture(STOPPED);
            }
        });
    }

    /** Opens a fresh TCP connection to {@code address:port}, attached to the attempt. */
    public Future<NetSocket> connect(ProbeAttempt a, InetAddress address, int port) {
        a.enter(ProbePhase.CONNECT, address, port);
        long t = System.nanoTime();
        ConnectOptions options = new ConnectOptions()
                .setRemoteAddress(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setTimeout((int) Math.min(Integer.MAX_VALUE, a.remainingMs()));
        return client.connect(options).transform(ar -> {
            if (ar.succeeded() && !a.attach(ar.result())) {
                return Future.failedFuture(STOPPED);
            }
            if (a.done()) {
                return Future.failedFuture(STOPPED);
            }
            if (ar.failed()) {
                a.fail(ar.cause());
                return Future.failedFuture(STOPPED);
            }
            a.addConnect(ProbeAttempt.since(t));
            return Future.succeededFuture(ar.result());
        });
    }

    /** Runs a TLS handshake on {@code socket} for {@code serverName}, verifying chain and name when asked. */
    public Future<NetSocket> startTls(ProbeAttempt a, NetSocket socket, String serverName, boolean verify) {
        a.enter(ProbePhase.TLS);
        long t = System.nanoTime();
        ClientSSLOptions options = verify ? verifying : trustingAll;
        String sni = NetUtil.isValidIpV4Address(serverName) || NetUtil.isValidIpV6Address(serverName) ? null : serverName;
        // a failed handshake may surface as a socket error or a close rather than through the upgrade's future
        socket.exceptionHandler(e -> {
            if (!a.done()) {
                a.fail(e);
            }
        });
        socket.closeHandler(v -> {
            if (!a.done()) {
                a.fail(new javax.net.ssl.SSLException("connection closed during the handshake"));
            }
        });
        return socket.upgradeToSsl(options, sni).transform(ar -> {
            socket.exceptionHandler(null);
            socket.closeHandler(null);
            if (a.done()) {
                return Future.failedFuture(STOPPED);
            }
            if (ar.failed()) {
                a.fail(ar.cause());
                return Future.failedFuture(STOPPED);
            }
            a.addTls(ProbeAttempt.since(t));
            return Future.succeededFuture(socket);
        });
    }

    /** Closes the underlying client. */
    public Future<Void> close() {
        return client.close();
    }

    /** {@code host:port} of an address, by the name it was resolved from. */
    public static String peer(InetAddress address, int port) {
        String host = address.getHostName();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
