package dev.bongsu.alerting.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server on 127.0.0.1 that answers {@code RCPT TO} with a reply of the test's choosing (e.g.
 * {@code 550 no such user} or {@code 451 try later}), so a notifier's handling of refusals meets a real conversation.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final NetServer server;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile String rcptReply;

    private ScriptedSmtpServer(Vertx vertx, String rcptReply) {
        this.rcptReply = rcptReply;
        this.server = vertx.createNetServer().connectHandler(this::talk);
    }

    /** A server that answers every recipient with {@code rcptReply}, e.g. {@code 550 5.1.1 no such user}. */
    public static ScriptedSmtpServer start(Vertx vertx, String rcptReply) {
        ScriptedSmtpServer s = new ScriptedSmtpServer(vertx, rcptReply);
        s.server.listen(0, "127.0.0.1").await();
        return s;
    }

    /** The port it listens on. */
    public int port() {
        return server.actualPort();
    }

    /** The commands received, in order (the message text excluded). */
    public List<String> commands() {
        return commands;
    }

    private void talk(NetSocket socket) {
        boolean[] inData = {false};
        RecordParser lines = RecordParser.newDelimited("\r\n", line -> {
            String l = line.toString();
            if (inData[0]) {
                if (l.equals(".")) {
                    inData[0] = false;
                    socket.write("250 2.0.0 queued\r\n");
                }
                return;
            }
            commands.add(l);
            String verb = l.length() >= 4 ? l.substring(0, 4).toUpperCase(Locale.ROOT) : l.toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> socket.write("250-scripted\r\n250 8BITMIME\r\n");
                case "HELO", "MAIL", "RSET", "NOOP" -> socket.write("250 OK\r\n");
                case "RCPT" -> socket.write(rcptReply + "\r\n");
                case "DATA" -> {
                    inData[0] = true;
                    socket.write("354 go ahead\r\n");
                }
                case "QUIT" -> socket.write("221 bye\r\n").onComplete(ar -> socket.close());
                default -> socket.write("502 not implemented\r\n");
            }
        });
        socket.handler(lines);
        socket.write(Buffer.buffer("220 scripted ESMTP\r\n"));
    }

    @Override
    public void close() {
        server.close().await();
    }
}
