package dev.bongsu.app.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies for POST/DELETE routes: not JSON at all, JSON of the wrong shape, the route's valid body with each field (at
 * any depth) replaced by a hostile value, silence matchers of every odd kind, and framing faults.
 */
final class FuzzBodies {
    /** One body with the headers it needs. */
    record Body(String what, List<String> headers, byte[] bytes) {
        static Body json(String what, String text) {
            return new Body(what, List.of("Content-Type: application/json"), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final List<Object> HOSTILE = List.of("null", "0", "-1", "1e308", "123456789012345678901234567890", "true",
            "[]", "{}", "[null]", "\"\"", "\" \"", "\"\\u0000\"", "\"\\uffff\"", "\"\\ufffe\"", "\"\\u202eevil\"", "\"\\ud800\"",
            "\"" + "a".repeat(5000) + "\"", "\"<script>alert(1)</script>\"", "\"=cmd|' /C calc'!A0\"", "\"${jndi:ldap://x/a}\"",
            "\"../../etc/passwd\"", "-0", "1e999999", "\"\uFFFF\uFFFE\"", "\"\u202E\u2066bidi\"", "\"\\n\\r\\t\"");

    private static final List<String> MATCHERS = List.of("{\"label\":null}", "{\"label\":1}", "{\"label\":\"x\",\"op\":\"=~\",\"value\":\"(\"}",
            "{\"label\":\"x\",\"op\":\"!~\",\"value\":\"[z-a]\"}", "{\"label\":\"x\",\"op\":\"<>\",\"value\":\"y\"}",
            "{\"label\":\"\",\"value\":\"\"}", "{\"label\":\"x\",\"op\":null,\"value\":null}", "{\"label\":\"provider\",\"value\":[1]}",
            "\"=\"", "\"a=\"", "\"=b\"", "\"a=~(\"", "\"a!=\"", "\"a=~" + "(".repeat(1000) + "\"", "\"a=~(a+)+$\"", "1", "null", "[]", "{}",
            "\"provider=" + "x".repeat(5000) + "\"", "\"provider!~.*\"", "\"provider=~\\\\\"", "\"provider==alpha\"", "\"\\u0000=\\u0000\"");

    private static final List<String> NOT_JSON = List.of("", "{", "}", "[]", "null", "\"x\"", "123", "true", "{\"a\":", "NaN",
            "{'single':'quotes'}", "{\"a\":1}garbage", "{\"a\":1,\"a\":2}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "1e999999", "-0", "{\"matchers\":[\"a=b\"]}".repeat(20), "\u0000", "\uFEFF{}");

    private FuzzBodies() {
    }

    /** Every body for a route whose valid body is {@code valid}. */
    static List<Body> all(String valid, boolean silences) {
        List<Body> out = new ArrayList<>();
        NOT_JSON.forEach(t -> out.add(Body.json("not json", t)));
        out.add(Body.json("BOM", "\uFEFF" + valid));
        out.add(new Body("lone surrogate bytes", List.of("Content-Type: application/json"),
                concat(valid.lastIndexOf('"') > 0 ? valid.substring(0, valid.lastIndexOf('"')) : "{\"x\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'})));
        out.add(new Body("latin-1 bytes", List.of("Content-Type: application/json"), valid.getBytes(StandardCharsets.ISO_8859_1)));
        JsonObject template = new JsonObject(valid);
        for (String path : paths(template, "")) {
            for (Object value : HOSTILE) {
                out.add(Body.json(path + "=" + shorten(value.toString()), replace(valid, path, value.toString())));
            }
            out.add(Body.json("without " + path, replace(valid, path, null)));
        }
        if (silences) {
            for (String m : MATCHERS) {
                out.add(Body.json("matcher " + shorten(m), new JsonObject(valid).put("matchers", new JsonArray()).encode()
                        .replace("\"matchers\":[]", "\"matchers\":[" + m + "]")));
            }
            for (String[] kv : new String[][] {{"startsAt", "\"2026-13-01\""}, {"startsAt", "\"yesterday\""}, {"startsAt", "1e20"},
                    {"endsAt", "\"2000-01-01T00:00:00Z\""}, {"endsAt", "\"+1000000000-01-01T00:00:00Z\""}, {"duration", "\"0s\""},
                    {"duration", "\"-1h\""}, {"duration", "\"1000000d\""}, {"duration", "\"1h1h\""}, {"duration", "\"PT1H\""},
                    {"duration", "\"99999999999999999999h\""}, {"endsAt", "\"2026-01-01T00:00:00+09:00\""}}) {
                out.add(Body.json(kv[0] + "=" + kv[1], new JsonObject(valid).put(kv[0], "X").encode().replace("\"X\"", kv[1])));
            }
        }
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=",
                "application/json; charset=latin1", "application/json; charset=utf-16", "application/json;;", "")) {
            out.add(new Body("content type '" + type + "'", type.isEmpty() ? List.of() : List.of("Content-Type: " + type),
                    valid.getBytes(StandardCharsets.UTF_8)));
        }
        out.add(Body.json("oversized", "{\"x\":\"" + "a".repeat(70_000) + "\"}"));
        out.add(new Body("chunked, bad size", List.of("Content-Type: application/json", "Transfer-Encoding: chunked"),
                "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        out.add(new Body("chunked, good", List.of("Content-Type: application/json", "Transfer-Encoding: chunked"),
                (Integer.toHexString(valid.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + valid + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("chunked and length", List.of("Content-Type: application/json", "Transfer-Encoding: chunked", "Content-Length: 3"),
                "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        out.add(new Body("chunked, huge size", List.of("Content-Type: application/json", "Transfer-Encoding: chunked"),
                "fffffffffffffff\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        out.add(new Body("length shorter than body", List.of("Content-Type: application/json", "Content-Length: 3"),
                valid.getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("expect 100-continue", List.of("Content-Type: application/json", "Expect: 100-continue"),
                valid.getBytes(StandardCharsets.UTF_8)));
        out.add(new Body("oversized, declared", List.of("Content-Type: application/json", "Content-Length: 99999999"),
                "{}".getBytes(StandardCharsets.US_ASCII)));
        return out;
    }

    /** Dotted paths of every field of a JSON object, nested objects included. */
    private static List<String> paths(JsonObject o, String prefix) {
        List<String> out = new ArrayList<>();
        for (String key : o.fieldNames()) {
            out.add(prefix + key);
            if (o.getValue(key) instanceof JsonObject inner) {
                out.addAll(paths(inner, prefix + key + "."));
            }
        }
        return out;
    }

    /** {@code valid} with the field at {@code path} set to the raw JSON {@code value} (removed when null). */
    private static String replace(String valid, String path, String value) {
        JsonObject copy = new JsonObject(valid);
        String[] keys = path.split("\\.");
        JsonObject parent = copy;
        for (int i = 0; i < keys.length - 1; i++) {
            parent = parent.getJsonObject(keys[i]);
        }
        if (value == null) {
            parent.remove(keys[keys.length - 1]);
            return copy.encode();
        }
        parent.put(keys[keys.length - 1], "\u0001PLACEHOLDER\u0001");
        return copy.encode().replace("\"\\u0001PLACEHOLDER\\u0001\"", value);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static byte[] concat(String a, byte[] b) {
        byte[] head = a.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + b.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(b, 0, out, head.length, b.length);
        return out;
    }
}
