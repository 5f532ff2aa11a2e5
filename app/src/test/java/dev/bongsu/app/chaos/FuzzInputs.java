package dev.bongsu.app.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The odd parts a fuzzed request is made of: methods, path mutations, query strings, headers, versions, tokens. */
final class FuzzInputs {
    private FuzzInputs() {
    }

    static final List<String> METHODS = List.of("get", "Get", "FOO", "PROPFIND", "CONNECT", "TRACE", "OPTIONS", "PUT", "PATCH",
            "DELETE", "POST", "HEAD", "GE T", "GET\u0000", "X".repeat(1024), "ПОЛУЧИТЬ", "", "G", "get\t");

    static final List<String> VERSIONS = List.of("HTTP/9.9", "HTTP/0.9", "HTTP/1.1x", "HTTP/2.0", "HTTP/2", "http/1.1", "HTTP/1.0",
            "HTTP/1", "HTTP/01.1", "HTTP/1.10", "HTTP/3.0", "", "HTTP/1.1 extra", "HTTPS/1.1", "HTTP/-1.1");

    /** Changes of a well-formed path. */
    static final List<UnaryOperator<String>> PATHS = List.of(
            p -> p + "%zz", p -> p + "%", p -> p + "%0", p -> p + "/%00", p -> p + "%00", p -> "/%c0%af" + p.substring(1),
            p -> p + "/%c0%ae%c0%ae/", p -> p + "/../../../etc/passwd", p -> "/.." + p, p -> p.replace("/", "//"), p -> "//" + p,
            p -> p + "/", p -> p + ";jsessionid=1", p -> p + ";a=b;c", p -> p + "/" + "a".repeat(9000), p -> "/" + "a/".repeat(3000),
            p -> p + "/서비스", p -> p + "/\u202Eevil", p -> p + "%ef%bf%bf", p -> p + "%e2%80%ae", p -> p.toUpperCase(java.util.Locale.ROOT),
            p -> p + "#frag", p -> "http://127.0.0.1:1" + p, p -> "*", p -> "", p -> p + "?", p -> p + "??&&", p -> p + "/.",
            p -> p + "/%2e%2e/%2e%2e/", p -> p + "%2f..%2f", p -> "\\" + p, p -> p + " x", p -> p + "\u0000", p -> p + "\u007f",
            p -> p + "%u0041", p -> p.replace("/", "%2f"), p -> p + "%ff%fe", p -> p + "/%25zz", p -> "/./" + p.substring(1),
            p -> p.replace("/", "/%2e/"), p -> p + ".json", p -> p + ".csv", p -> p + "%20", p -> "/" + "%41".repeat(2500));

    static final List<String> QUERIES = List.of("lang=ko&lang=en", "lang=", "lang=xx", "lang=ko-KR", "lang=%zz", "lang[]=ko",
            "from=99999999999999999999999", "from=-1", "from=NaN", "from=Infinity", "from=2026-13-45", "from=2026-11-25T25:61:00Z",
            "from=2026-11-25T09:00:00", "from=1e400", "from=0x1F", "to=1999-01-01", "to=2101-01-01&from=2000-01-01",
            "from=2030-01-01&to=2020-01-01", "from=2026-02-30", "from=+2026-01-01T00:00:00Z", "from=-999999999-01-01T00:00:00Z",
            "step=0m", "step=-5m", "step=99999d", "step=PT0S", "step=P1000Y", "step=1x", "step=", "step=1m&step=1h",
            "state=open&state=resolved", "state=OPEN", "state=", "status=dead", "status=nope", "status=sent&limit=1000",
            "limit=0", "limit=-1", "limit=1e9", "limit=2147483648", "limit=NaN", "a[]=1&a[]=2", "a[b]=c",
            "q='%20OR%201=1--", "q=<script>alert(1)</script>", "q=%3Cscript%3E", "%zz=1", "=", "&&&", "==&=",
            "x=" + "a".repeat(5000), "lang=" + "k".repeat(7000), manyParams(300), "from=2026-11-25&to=2026-11-25",
            "from=" + "9".repeat(400), "access_token=" + FuzzSystem.TOKEN, "lang=ko%00", "lang=%ef%bf%bf", "step=1m&from=2000-01-01T00:00:00Z");

    /** Extra or replacing header lines. */
    static final List<List<String>> HEADERS = List.of(
            List.of("Accept-Language: ;"), List.of("Accept-Language: ,;"), List.of("Accept-Language: en;q=1,;"),
            List.of("Accept-Language: ko;q=999999999"), List.of("Accept-Language: en;q=-1"), List.of("Accept-Language: *;q=abc"),
            List.of("Accept-Language: en-US,en;q=0.9,ko;q=0.8"), List.of("Accept-Language: x-klingon"),
            List.of("Accept-Language: " + "q".repeat(7000)), List.of("Accept-Language: ko;q=1e308"), List.of("Accept-Language: ,,,,"),
            List.of("Accept-Language: ;;;;"), List.of("Accept-Language: ="), List.of("Accept-Language: ko;q=0.5;q=0.7,en;;q"),
            List.of("Accept: ;"), List.of("Accept: */*;q=0"), List.of("Accept: text/html;q=NaN"), List.of("Accept: application/json;;;"),
            List.of("Accept: garbage/garbage/garbage"), List.of("Accept: text/csv"), List.of("Accept: application/atom+xml"),
            List.of("Accept: */*;q=99"), List.of("Accept-Encoding: gzip;q=0"), List.of("Accept-Encoding: br"),
            List.of("Accept-Encoding: identity;q=0"), List.of("Accept-Encoding: *;q=0"), List.of("Accept-Encoding: gzip"),
            List.of("Accept-Encoding: deflate"), List.of("Accept-Encoding: x-gzip"), List.of("Accept-Encoding: gzip;q=abc"),
            List.of("Accept-Encoding: gzip," + ",".repeat(1000)), List.of("Range: bytes=0-10"), List.of("Range: bytes=-1"),
            List.of("Range: bytes=999999999-"), List.of("Range: bytes=a-b"), List.of("Range: bytes=0-1,2-3,4-5"),
            List.of("If-None-Match: garbage"), List.of("If-None-Match: *"), List.of("If-None-Match: \"x\""), List.of("If-None-Match: W/"),
            List.of("If-None-Match: \""), List.of("If-None-Match: " + "\"e\",".repeat(1000)), List.of("If-Modified-Since: yesterday"),
            List.of("If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT"), List.of("If-Modified-Since: 32 Foo 9999"),
            List.of("If-Modified-Since: "), List.of("Host: 127.0.0.1", "Host: evil.example"), List.of("Host: "),
            List.of("Host: " + "h".repeat(3000)), List.of("Content-Length: 0", "Content-Length: 5"), List.of("Content-Length: -1"),
            List.of("Content-Length: abc"), List.of("Content-Length: 99999999999999999999"), List.of("Expect: 100-continue"),
            List.of("Expect: foo"), List.of("Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings", "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA"),
            List.of("Upgrade: websocket", "Connection: Upgrade"), List.of("Cookie: " + "c=1; ".repeat(2000)), List.of("Cookie: ;;;"),
            List.of("X-Forwarded-For: ;;;, 999.1.1.1"), List.of("Forwarded: for=\"[::1"), List.of("NoColonHeader"),
            List.of("Bad Header: x"), List.of("X-Fold: a", " folded"), List.of("X-Long: " + "a".repeat(20000)), manyHeaders(500),
            List.of("X-Nul: a\u0000b"), List.of("X-Utf: 한국어\u202E"), List.of("Content-Type: application/json"),
            List.of("Origin: null"), List.of("Referer: javascript:alert(1)"), List.of("Connection: keep-alive, close, upgrade"),
            List.of(": empty-name"), List.of("Authorization: Bearer " + FuzzSystem.TOKEN), List.of("Authorization: ;"),
            List.of("Transfer-Encoding: chunked"), List.of("Transfer-Encoding: gzip, chunked"), List.of("Accept-Charset: utf-7;q=2"),
            List.of("Cache-Control: no-cache, max-age=-1"), List.of("Pragma: no-cache"), List.of("Accept-Language: ko", "Accept-Language: en"));

    /** Authorization variants for admin routes ({@code null}: the valid one). */
    static final List<List<String>> TOKENS = List.of(
            List.of(), List.of("Authorization: Bearer"), List.of("Authorization: Bearer "), List.of("Authorization: bearer " + FuzzSystem.TOKEN),
            List.of("Authorization: BEARER " + FuzzSystem.TOKEN), List.of("Authorization: Bearer  " + FuzzSystem.TOKEN),
            List.of("Authorization: Bearer " + FuzzSystem.TOKEN + " "), List.of("Authorization: Bearer " + FuzzSystem.TOKEN + "x"),
            List.of("Authorization: Bearer " + FuzzSystem.TOKEN.substring(1)), List.of("Authorization: Basic Zm9vOmJhcg=="),
            List.of("Authorization: Bearer " + "A".repeat(10000)), List.of("Authorization: Bearer wrong", "Authorization: Bearer " + FuzzSystem.TOKEN),
            List.of("Authorization: Bearer " + FuzzSystem.TOKEN, "Authorization: Bearer wrong"), List.of("Authorization: Bearer\t" + FuzzSystem.TOKEN),
            List.of("Authorization: Bearer 토큰"), List.of("Authorization:"), List.of("Authorization: Bearer " + FuzzSystem.TOKEN + "\u0000"),
            List.of("X-Authorization: Bearer " + FuzzSystem.TOKEN), List.of("Authorization: Bearer " + FuzzSystem.TOKEN.toUpperCase(java.util.Locale.ROOT)),
            List.of("Authorization: Token " + FuzzSystem.TOKEN), List.of("Authorization: " + FuzzSystem.TOKEN));

    /** Whether a token variant is exactly the valid header (answers may then hold private values). */
    static boolean validToken(List<String> headers) {
        List<String> auth = headers.stream().filter(h -> h.regionMatches(true, 0, "Authorization:", 0, 14)).toList();
        return !auth.isEmpty() && auth.stream().anyMatch(h -> h.equals("Authorization: Bearer " + FuzzSystem.TOKEN));
    }

    private static String manyParams(int n) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < n; i++) {
            q.append(i == 0 ? "" : "&").append("p").append(i).append('=').append(i);
        }
        return q.toString();
    }

    private static List<String> manyHeaders(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("X-Many-" + i + ": " + i);
        }
        return out;
    }
}
