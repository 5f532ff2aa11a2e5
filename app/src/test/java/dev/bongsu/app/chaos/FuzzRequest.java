package dev.bongsu.app.chaos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fuzzed request as it goes over the wire. {@code Host} and {@code Connection: close} are added unless the case
 * sends its own, {@code Content-Length} when there is a body and the case frames none itself.
 *
 * @param route    the route template it aims at
 * @param category what was made odd (method, path, query, header, version, body, token, combo, baseline)
 * @param admin    whether it carries the valid admin token to an admin route (its answers may hold private values)
 */
record FuzzRequest(String route, String category, String method, String target, String version, List<String> headers,
                   byte[] body, boolean admin) {

    /** Whether the request line names an HTTP version other than 1.0 and 1.1 (505 is then a right answer). */
    boolean oddVersion() {
        return !version.equals("HTTP/1.1") && !version.equals("HTTP/1.0");
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    /** The bytes sent. */
    byte[] bytes() {
        List<String> all = new ArrayList<>(headers);
        if (!has("host")) {
            all.add(0, "Host: 127.0.0.1");
        }
        if (!has("connection")) {
            all.add("Connection: close");
        }
        if (body != null && !has("content-length") && !has("transfer-encoding")) {
            all.add("Content-Length: " + body.length);
        }
        StringBuilder head = new StringBuilder().append(method).append(' ').append(target);
        if (!version.isEmpty()) {
            head.append(' ').append(version);
        }
        head.append("\r\n");
        all.forEach(h -> head.append(h).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private boolean has(String name) {
        return headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith(name + ":"));
    }

    /** A one-line, escaped, shortened form that is enough to send it again by hand. */
    String describe() {
        String text = new String(bytes(), StandardCharsets.UTF_8)
                .replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0");
        return "[" + category + "] " + (text.length() > 400 ? text.substring(0, 400) + "…(" + text.length() + " chars)" : text);
    }
}
