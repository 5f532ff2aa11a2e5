package dev.bongsu.probes.check.http;

import io.vertx.core.buffer.Buffer;
import java.util.Locale;

/**
 * An incremental HTTP/1.1 response parser with hard bounds: the status line and headers may not exceed
 * {@link #MAX_HEADER_BYTES}, and at most {@code maxBodyBytes} of the body are read (kept only when
 * {@code keepBody}); once that many arrived the response counts as read, so a huge body costs bounded time and
 * memory. Handles Content-Length, chunked and read-until-close bodies, and skips 1xx interim responses.
 */
public final class HttpResponseParser {
    /** Largest status line plus headers accepted. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    private enum State { STATUS, HEADERS, BODY_LENGTH, BODY_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE, FAILED }

    private final int maxBodyBytes;
    private final boolean keepBody;
    private final boolean noBody;
    private State state = State.STATUS;
    private final StringBuilder line = new StringBuilder(128);
    private int headerBytes;
    private long seenBytes;
    private int status;
    private String location;
    private long contentLength = -1;
    private boolean chunked;
    private long remaining;
    private long bodyRead;
    private byte[] body;
    private int bodyKept;
    private boolean truncated;
    private String error;

    /**
     * A parser for one response.
     *
     * @param maxBodyBytes the read bound on the body
     * @param keepBody     whether body bytes are kept for assertions
     * @param noBody       the request was HEAD, so the response has no body whatever its headers say
     */
    public HttpResponseParser(int maxBodyBytes, boolean keepBody, boolean noBody) {
        this.maxBodyBytes = Math.max(0, maxBodyBytes);
        this.keepBody = keepBody;
        this.noBody = noBody;
    }

    /** Feeds received bytes; returns whether the response is now complete or failed. */
    public boolean feed(Buffer buf) {
        int n = buf.length();
        seenBytes += n;
        for (int i = 0; i < n && !finished(); ) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> i = readLine(buf, i, n);
                case BODY_LENGTH, CHUNK_DATA -> {
                    int take = (int) Math.min(remaining, n - i);
                    body(buf, i, take);
                    i += take;
                    remaining -= take;
                    if (!finished() && remaining == 0) {
                        state = state == State.BODY_LENGTH ? State.DONE : State.CHUNK_END;
                    }
                }
                case BODY_CLOSE -> {
                    body(buf, i, n - i);
                    i = n;
                }
                default -> i = n;
            }
        }
        return finished();
    }

    /** The peer closed the connection; returns whether that completed the response (else it failed). */
    public boolean end() {
        if (state == State.BODY_CLOSE) {
            state = State.DONE;
        } else if (!finished()) {
            if (seenBytes == 0) {
                fail("connection closed without a response");
            } else if (state == State.STATUS || state == State.HEADERS) {
                fail("connection closed before the response headers were complete");
            } else {
                fail("connection closed after " + bodyRead + " body bytes"
                        + (contentLength >= 0 ? " of " + contentLength : "") + ", before the response was complete");
            }
        }
        return state == State.DONE;
    }

    /** Whether the response is complete (or read up to the bound) or failed. */
    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** Whether the response was malformed; see {@link #error()}. */
    public boolean failed() {
        return state == State.FAILED;
    }

    /** Why the response was malformed, or {@code null}. */
    public String error() {
        return error;
    }

    /** Whether any byte arrived. */
    public boolean started() {
        return seenBytes > 0;
    }

    /** The status code, 0 before the status line. */
    public int status() {
        return status;
    }

    /** The Location header, or {@code null}. */
    public String location() {
        return location;
    }

    /** Whether the body was cut at the read bound. */
    public boolean truncated() {
        return truncated;
    }

    /** The kept body bytes (at most the bound), UTF-8 decoded. */
    public String bodyText() {
        return body == null ? "" : new String(body, 0, bodyKept, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The kept body bytes. */
    public byte[] bodyBytes() {
        return body == null ? new byte[0] : java.util.Arrays.copyOf(body, bodyKept);
    }

    private int readLine(Buffer buf, int i, int n) {
        while (i < n) {
            byte b = buf.getByte(i++);
            if (state == State.STATUS || state == State.HEADERS || state == State.TRAILERS) {
                if (++headerBytes > MAX_HEADER_BYTES) {
                    fail("response headers exceed " + MAX_HEADER_BYTES + " bytes");
                    return n;
                }
            } else if (line.length() > 1024) {
                fail("chunk size line too long");
                return n;
            }
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                String l = line.toString();
                line.setLength(0);
                onLine(l);
                return i;
            }
            line.append((char) (b & 0xff));
        }
        return i;
    }

    private void onLine(String l) {
        switch (state) {
            case STATUS -> statusLine(l);
            case HEADERS -> {
                if (l.isEmpty()) {
                    headersDone();
                } else {
                    header(l);
                }
            }
            case CHUNK_SIZE -> chunkSize(l);
            case CHUNK_END -> {
                if (l.isEmpty()) {
                    state = State.CHUNK_SIZE;
                } else {
                    fail("chunk not followed by CRLF");
                }
            }
            case TRAILERS -> {
                if (l.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> {
            }
        }
    }

    private void statusLine(String l) {
        if (l.isEmpty() && status == 0 && headerBytes <= 2) {
            return;
        }
        if (l.length() < 12 || !l.startsWith("HTTP/1.") || l.charAt(8) != ' ' || !digits(l, 9, 12)
                || l.length() > 12 && l.charAt(12) != ' ') {
            fail("not an HTTP/1.x response: '" + printable(l) + "'");
            return;
        }
        status = Integer.parseInt(l, 9, 12, 10);
        if (status < 100) {
            fail("invalid status code " + status);
            return;
        }
        state = State.HEADERS;
    }

    private void header(String l) {
        int colon = l.indexOf(':');
        if (colon <= 0) {
            fail("malformed header line: '" + printable(l) + "'");
            return;
        }
        String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = l.substring(colon + 1).trim();
        switch (name) {
            case "content-length" -> {
                try {
                    long v = Long.parseLong(value);
                    if (v < 0 || contentLength >= 0 && contentLength != v) {
                        throw new NumberFormatException();
                    }
                    contentLength = v;
                } catch (NumberFormatException e) {
                    fail("invalid Content-Length '" + printable(value) + "'");
                }
            }
            case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            case "location" -> location = value;
            default -> {
            }
        }
    }

    private void headersDone() {
        if (status >= 100 && status < 200 && status != 101) {
            status = 0;
            contentLength = -1;
            chunked = false;
            location = null;
            state = State.STATUS;
            return;
        }
        if (noBody || status == 204 || status == 304 || status == 101) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.BODY_LENGTH;
        } else {
            state = State.BODY_CLOSE;
        }
        if (state != State.DONE && maxBodyBytes == 0) {
            truncated = true;
            state = State.DONE;
        }
    }

    private void chunkSize(String l) {
        int semi = l.indexOf(';');
        String hex = (semi >= 0 ? l.substring(0, semi) : l).trim();
        long size;
        try {
            if (hex.isEmpty() || hex.length() > 15) {
                throw new NumberFormatException();
            }
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            fail("invalid chunk size '" + printable(hex) + "'");
            return;
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private void body(Buffer buf, int from, int len) {
        int room = (int) Math.min(len, maxBodyBytes - bodyRead);
        if (keepBody && room > 0) {
            if (body == null) {
                body = new byte[(int) Math.min(maxBodyBytes, contentLength >= 0 ? contentLength : 8192)];
            }
            if (bodyKept + room > body.length) {
                body = java.util.Arrays.copyOf(body, (int) Math.min(maxBodyBytes, Math.max(bodyKept + room, 2L * body.length)));
            }
            buf.getBytes(from, from + room, body, bodyKept);
            bodyKept += room;
        }
        bodyRead += room;
        if (bodyRead >= maxBodyBytes && (room < len || !atNaturalEnd(len))) {
            truncated = true;
            state = State.DONE;
        }
    }

    private boolean atNaturalEnd(int len) {
        return state == State.BODY_LENGTH && remaining == len && bodyRead == contentLength;
    }

    private void fail(String why) {
        error = why;
        state = State.FAILED;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The first 40 characters, non-printable ones replaced, so garbage stays short and readable. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > 40 ? sb + "…" : sb.toString();
    }
}
