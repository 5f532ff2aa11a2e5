package dev.bongsu.probes.check;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Misbehaving servers on 127.0.0.1 for checker tests. */
public final class HostileServers implements AutoCloseable {
    private final Vertx vertx;
    private final List<NetServer> servers = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    /** Bytes the endless server wrote so far. */
    public final AtomicLong endlessBytesSent = new AtomicLong();
    /** Connections the servers saw closed by the client. */
    public final AtomicLong clientCloses = new AtomicLong();

    public HostileServers(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A server that runs {@code onConnect} for each connection once the request line arrived; returns its port. */
    public int onRequest(Consumer<NetSocket> onConnect) {
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
        server.connectHandler(s -> {
            s.closeHandler(v -> clientCloses.incrementAndGet());
            boolean[] seen = {false};
            s.handler(b -> {
                if (!seen[0]) {
                    seen[0] = true;
                    onConnect.accept(s);
                }
            });
        });
        servers.add(server);
        return server.listen().await().actualPort();
    }

    /** Accepts and reads, never answers. */
    public int hang() {
        return onRequest(s -> { });
    }

    /** Answers with something that is not HTTP. */
    public int garbage() {
        return onRequest(s -> s.write("SSH-2.0-OpenSSH_9.2p1 Debian\r\n\u0000\u0001garbage\r\n\r\n"));
    }

    /** Sends a status line, then one byte a second, forever. */
    public int trickle() {
        return onRequest(s -> {
            s.write("HTTP/1.1 200 OK\r\n");
            long id = vertx.setPeriodic(1_000, t -> s.write("X"));
            s.closeHandler(v -> {
                vertx.cancelTimer(id);
                clientCloses.incrementAndGet();
            });
        });
    }

    /** Reads the request, then closes without a word. */
    public int closeAtOnce() {
        return onRequest(NetSocket::close);
    }

    /** Sends a 200 with an endless body (no length, never ends), as fast as the client reads. */
    public int endlessBody(String head) {
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        return onRequest(s -> {
            s.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + head);
            pump(s, chunk);
        });
    }

    private void pump(NetSocket s, Buffer chunk) {
        boolean[] closed = {false};
        s.closeHandler(v -> {
            closed[0] = true;
            clientCloses.incrementAndGet();
        });
        Runnable[] fill = new Runnable[1];
        fill[0] = () -> {
            while (!closed[0] && !s.writeQueueFull()) {
                s.write(chunk);
                endlessBytesSent.addAndGet(chunk.length());
            }
            if (!closed[0]) {
                s.drainHandler(v -> fill[0].run());
            }
        };
        fill[0].run();
    }

    /** Accepts, then resets the connection (RST) as soon as the request arrives; plain sockets on a thread. */
    public int reset() throws IOException {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeables.add(ss);
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    s.getInputStream().read(new byte[1024]);
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    return;
                }
            }
        }, "reset-server");
        t.setDaemon(true);
        t.start();
        return ss.getLocalPort();
    }

    /**
     * A listening socket that never accepts, its backlog filled, so further connection attempts get no answer and
     * time out.
     */
    public int fullBacklog() throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        closeables.add(ss);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            closeables.add(s);
            try {
                s.connect(ss.getLocalSocketAddress(), 200);
            } catch (IOException e) {
                break;
            }
        }
        return ss.getLocalPort();
    }

    /** A port nothing listens on. */
    public static int closedPort() throws IOException {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return ss.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (NetServer s : servers) {
            s.close().await();
        }
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }
}
