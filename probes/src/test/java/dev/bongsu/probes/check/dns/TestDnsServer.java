package dev.bongsu.probes.check.dns;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny UDP DNS responder on 127.0.0.1 for tests: {@code ok.test} has A, AAAA, TXT, MX, NS and CNAME records;
 * {@code empty.test} answers with no records; {@code missing.test} is NXDOMAIN; {@code broken.test} is SERVFAIL;
 * {@code slow.test} is never answered.
 */
public final class TestDnsServer {
    private final DatagramSocket socket;
    final AtomicInteger queries = new AtomicInteger();

    public TestDnsServer(Vertx vertx) {
        socket = vertx.createDatagramSocket();
        socket.handler(p -> {
            queries.incrementAndGet();
            Buffer reply = answer(p.data());
            if (reply != null) {
                socket.send(reply, p.sender().port(), p.sender().host());
            }
        });
    }

    public int start() {
        return socket.listen(0, "127.0.0.1").await().localAddress().port();
    }

    public void close() {
        socket.close().await();
    }

    private static Buffer answer(Buffer q) {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (q.getUnsignedByte(pos) != 0) {
            int len = q.getUnsignedByte(pos);
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(q.getString(pos + 1, pos + 1 + len, "US-ASCII"));
            pos += len + 1;
        }
        pos++;
        int type = q.getUnsignedShort(pos);
        int questionEnd = pos + 4;
        String n = name.toString();
        if (n.equals("slow.test")) {
            return null;
        }
        int rcode = switch (n) {
            case "missing.test" -> 3;
            case "broken.test" -> 2;
            default -> 0;
        };
        Buffer rdata = n.equals("ok.test") ? rdata(type) : null;
        Buffer out = Buffer.buffer();
        out.appendShort(q.getShort(0));
        out.appendUnsignedShort(0x8180 | rcode);
        out.appendUnsignedShort(1).appendUnsignedShort(rdata == null ? 0 : 1).appendUnsignedShort(0).appendUnsignedShort(0);
        out.appendBuffer(q.getBuffer(12, questionEnd));
        if (rdata != null) {
            out.appendUnsignedShort(0xC00C).appendUnsignedShort(type).appendUnsignedShort(1).appendInt(60)
                    .appendUnsignedShort(rdata.length()).appendBuffer(rdata);
        }
        return out;
    }

    private static Buffer rdata(int type) {
        return switch (type) {
            case 1 -> Buffer.buffer(new byte[] {127, 0, 0, 1});
            case 28 -> Buffer.buffer(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
            case 16 -> Buffer.buffer().appendByte((byte) 4).appendString("v=ok");
            case 15 -> Buffer.buffer().appendUnsignedShort(10).appendBuffer(name("mail.ok.test"));
            case 2, 5 -> name("ns.ok.test");
            default -> null;
        };
    }

    private static Buffer name(String n) {
        Buffer b = Buffer.buffer();
        for (String label : n.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            b.appendByte((byte) bytes.length).appendBytes(bytes);
        }
        return b.appendByte((byte) 0);
    }
}
