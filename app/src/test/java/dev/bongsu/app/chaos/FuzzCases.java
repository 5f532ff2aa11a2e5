package dev.bongsu.app.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The requests for one route, chosen deterministically from a seed: well-formed baselines, then a bounded sample of
 * odd methods, paths, queries, headers, versions, bodies and tokens, and random combinations of them. Admin routes
 * get each case with the valid token and, for half of them, again without any.
 */
final class FuzzCases {
    /** How many of each kind per route (bodies and tokens: all of them). */
    static final int METHODS = 8;
    static final int PATHS = 16;
    static final int QUERIES = 14;
    static final int HEADERS = 28;
    static final int VERSIONS = 6;
    static final int COMBOS = 10;

    private static final String VALID_AUTH = "Authorization: Bearer " + FuzzSystem.TOKEN;

    private final Random random;

    FuzzCases(long seed) {
        this.random = new Random(seed);
    }

    /** Every request for {@code route}, whose concrete paths are {@code samples}. */
    List<FuzzRequest> forRoute(FuzzRoutes.Route route, List<String> samples) {
        List<FuzzRequest> cases = new ArrayList<>();
        String method = route.method();
        byte[] body = route.body() == null ? null : route.body().getBytes(StandardCharsets.UTF_8);
        List<String> json = body == null ? List.of() : List.of("Content-Type: application/json");
        for (String p : samples) {
            cases.add(request(route, "baseline", method, p, "HTTP/1.1", json, body));
            if (!route.admin() && route.methods().contains("GET")) {
                cases.add(request(route, "baseline", "HEAD", p, "HTTP/1.1", List.of(), null));
                cases.add(request(route, "baseline", method, p + "?lang=ko", "HTTP/1.1", List.of(), null));
                cases.add(request(route, "baseline", method, p, "HTTP/1.0", List.of("Accept-Language: en-US,en;q=0.9",
                        "Accept-Encoding: gzip"), null));
            }
        }
        for (String m : pick(FuzzInputs.METHODS, METHODS)) {
            cases.add(request(route, "method", m, sample(samples), "HTTP/1.1", json, body));
        }
        for (var change : pick(FuzzInputs.PATHS, PATHS)) {
            cases.add(request(route, "path", method, change.apply(sample(samples)), "HTTP/1.1", json, body));
        }
        for (String q : pick(FuzzInputs.QUERIES, QUERIES)) {
            cases.add(request(route, "query", method, sample(samples) + "?" + q, "HTTP/1.1", json, body));
        }
        for (List<String> h : pick(FuzzInputs.HEADERS, HEADERS)) {
            cases.add(request(route, "header", method, sample(samples), "HTTP/1.1", join(json, h), body));
        }
        for (String v : pick(FuzzInputs.VERSIONS, VERSIONS)) {
            cases.add(request(route, "version", method, sample(samples), v, json, body));
        }
        for (int i = 0; i < COMBOS; i++) {
            String path = one(FuzzInputs.PATHS).apply(sample(samples)) + (random.nextBoolean() ? "?" + one(FuzzInputs.QUERIES) : "");
            cases.add(request(route, "combo", random.nextInt(4) == 0 ? one(FuzzInputs.METHODS) : method, path,
                    random.nextInt(5) == 0 ? one(FuzzInputs.VERSIONS) : "HTTP/1.1",
                    join(json, join(one(FuzzInputs.HEADERS), one(FuzzInputs.HEADERS))), body));
        }
        if (route.body() != null) {
            for (FuzzBodies.Body b : FuzzBodies.all(route.body(), route.path().endsWith("/silences"))) {
                cases.add(request(route, "body " + b.what(), method, sample(samples), "HTTP/1.1", b.headers(), b.bytes()));
            }
        }
        List<FuzzRequest> out = new ArrayList<>();
        for (FuzzRequest c : cases) {
            if (!route.admin()) {
                out.add(c);
                continue;
            }
            out.add(withToken(c, List.of(VALID_AUTH)));
            if (random.nextBoolean()) {
                out.add(new FuzzRequest(c.route(), c.category() + ", no token", c.method(), c.target(), c.version(), c.headers(), c.body(),
                        c.headers().stream().anyMatch(h -> h.contains(FuzzSystem.TOKEN))));
            }
        }
        if (route.admin()) {
            for (List<String> t : FuzzInputs.TOKENS) {
                FuzzRequest c = request(route, "token", method, sample(samples), "HTTP/1.1", json, body);
                out.add(withToken(c, t));
            }
        }
        return out;
    }

    private FuzzRequest request(FuzzRoutes.Route route, String category, String method, String target, String version,
                                List<String> headers, byte[] body) {
        return new FuzzRequest(route.path(), category, method, target, version, headers, body, false);
    }

    /** The case with these Authorization lines first (a case's own Authorization header stays too). */
    private static FuzzRequest withToken(FuzzRequest c, List<String> auth) {
        List<String> headers = join(auth, c.headers());
        return new FuzzRequest(c.route(), c.category(), c.method(), c.target(), c.version(), headers, c.body(),
                headers.stream().anyMatch(h -> h.contains(FuzzSystem.TOKEN)));
    }

    private <T> List<T> pick(List<T> all, int n) {
        List<T> copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private <T> T one(List<T> all) {
        return all.get(random.nextInt(all.size()));
    }

    private String sample(List<String> samples) {
        return one(samples);
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
