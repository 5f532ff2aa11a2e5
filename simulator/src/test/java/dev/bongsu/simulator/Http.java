package dev.bongsu.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A minimal blocking HTTP/1.1 client for tests: one fresh connection per request, hard timeouts. */
final class Http {
    private Http() {
    }

    /** A status and body. */
    record Answer(int status, String body) {
    }

    /** GET {@code path} on 127.0.0.1:port; throws ConnectException when refused, SocketTimeoutException when no answer in time. */
    static Answer get(int port, String path, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            int n;
            while ((n = in.read(chunk)) >= 0 && buf.size() < 64 * 1024) {
                buf.write(chunk, 0, n);
            }
            String text = buf.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP answer: '" + text + "'");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
        }
    }

    /** The health status of a service, with a 5 s timeout. */
    static int health(int port) throws IOException {
        return get(port, "/health", Duration.ofSeconds(5)).status();
    }

    /** Whether a TCP connect to the port is refused. */
    static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return false;
        } catch (java.net.ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
