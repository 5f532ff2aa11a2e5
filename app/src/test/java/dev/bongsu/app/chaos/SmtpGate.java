package dev.bongsu.app.chaos;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of a test SMTP server. Open, it relays both ways; closed, it drops every relayed
 * connection and holds new ones silent (no greeting), so a sender's attempts stay in flight, having sent nothing.
 */
final class SmtpGate {
    private final Vertx vertx;
    private final int target;
    private final List<NetSocket> relayed = new CopyOnWriteArrayList<>();
    private final List<NetSocket> held = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private NetServer server;

    SmtpGate(Vertx vertx, int target) {
        this.vertx = vertx;
        this.target = target;
    }

    /** Listens on a free loopback port; returns it. */
    int start() {
        server = vertx.createNetServer().connectHandler(this::accept).listen(0, "127.0.0.1").await();
        return server.actualPort();
    }

    /** Drops the relayed connections and holds new ones. */
    void close() {
        open = false;
        relayed.forEach(NetSocket::close);
        relayed.clear();
    }

    /** Relays again; held connections are dropped (their sender retries on a new one). */
    void open() {
        open = true;
        held.forEach(NetSocket::close);
        held.clear();
    }

    /** Connections waiting silently behind the closed gate. */
    int heldCount() {
        return held.size();
    }

    private void accept(NetSocket client) {
        if (!open) {
            held.add(client);
            client.handler(b -> { });
            client.closeHandler(v -> held.remove(client));
            return;
        }
        client.pause();
        vertx.createNetClient().connect(target, "127.0.0.1").onSuccess(upstream -> {
            relayed.add(client);
            client.handler(upstream::write);
            upstream.handler(client::write);
            client.closeHandler(v -> upstream.close());
            upstream.closeHandler(v -> {
                client.close();
                relayed.remove(client);
            });
            client.resume();
        }).onFailure(e -> client.close());
    }
}
