package dev.bongsu.app.chaos;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Sends raw bytes over a plain socket, so that malformed requests really go out, and reads one answer: the status
 * (skipping interim 1xx answers), the head, and the body with chunked framing and gzip/deflate undone.
 */
final class FuzzClient {
    private final int port;
    private final int timeoutMs;

    FuzzClient(int port, int timeoutMs) {
        this.port = port;
        this.timeoutMs = timeoutMs;
    }

    /** One answer: {@code status} 0 when the server closed without answering, -1 when none came in time. */
    record Answer(int status, String head, String body) {
        /** Head and body, for the private-value sweep. */
        String text() {
            return head + "\n" + body;
        }
    }

    Answer send(byte[] request, boolean head) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading an oversized request; read what it said.
            }
            return read(socket.getInputStream(), head);
        } catch (IOException e) {
            return new Answer(0, "", "connection failed: " + e);
        }
    }

    private Answer read(InputStream in, boolean head) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
                Answer complete = parse(got.toByteArray(), head, false);
                if (complete != null) {
                    return complete;
                }
            }
        } catch (SocketTimeoutException e) {
            Answer partial = parse(got.toByteArray(), head, true);
            return partial != null ? partial : new Answer(-1, "", "no answer within " + timeoutMs + " ms");
        } catch (IOException e) {
            // reset by the server: fall through to what was read
        }
        Answer atEof = parse(got.toByteArray(), head, true);
        return atEof != null ? atEof : new Answer(0, "", "closed without an answer");
    }

    /** The answer if {@code bytes} hold a complete one (or all there will be, at end of stream), else null. */
    static Answer parse(byte[] bytes, boolean head, boolean eof) {
        int start = 0;
        while (true) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            if (end < 0) {
                return null;
            }
            String headText = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
            int status = status(headText);
            int bodyStart = end + 4;
            if (status >= 100 && status < 200 && status != 101) {
                start = bodyStart;
                continue;
            }
            String lower = headText.toLowerCase(Locale.ROOT);
            if (head || status == 204 || status == 304 || status < 0) {
                return new Answer(status, headText, "");
            }
            byte[] rest = java.util.Arrays.copyOfRange(bytes, bodyStart, bytes.length);
            byte[] body;
            if (lower.contains("\ntransfer-encoding: chunked")) {
                body = dechunk(rest);
                if (body == null && !eof) {
                    return null;
                }
                body = body == null ? rest : body;
            } else if (header(lower, "content-length") != null) {
                int length = Integer.parseInt(header(lower, "content-length").trim());
                if (rest.length < length && !eof) {
                    return null;
                }
                body = java.util.Arrays.copyOf(rest, Math.min(length, rest.length));
            } else {
                if (!eof) {
                    return null;
                }
                body = rest;
            }
            return new Answer(status, headText, decode(body, header(lower, "content-encoding")));
        }
    }

    private static int status(String head) {
        String[] parts = head.split(" ", 3);
        try {
            return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1].trim()) : -2;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    private static String header(String lowerHead, String name) {
        for (String line : lowerHead.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** The body of a complete chunked message, or null while the last chunk has not arrived. */
    private static byte[] dechunk(byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int eol = indexOf(rest, new byte[] {'\r', '\n'}, i);
            if (eol < 0) {
                return null;
            }
            String size = new String(rest, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (n == 0) {
                return out.toByteArray();
            }
            if (eol + 2 + n > rest.length) {
                return null;
            }
            out.write(rest, eol + 2, n);
            i = eol + 2 + n + 2;
        }
    }

    private static String decode(byte[] body, String encoding) {
        try {
            if ("gzip".equals(encoding)) {
                return text(new GZIPInputStream(new ByteArrayInputStream(body)));
            }
            if ("deflate".equals(encoding)) {
                return text(new InflaterInputStream(new ByteArrayInputStream(body)));
            }
        } catch (IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
