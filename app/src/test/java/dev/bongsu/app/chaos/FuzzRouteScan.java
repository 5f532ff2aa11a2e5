package dev.bongsu.app.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the routes the main code registers on a Vert.x router ({@code router.get("/x")}, {@code someRouter.route(BASE
 * + "/y")}, the status site's {@code get(router, "/z", …)}), resolving string constants and local variables of the same file, so that a
 * route missing from {@link FuzzRoutes} is noticed.
 */
final class FuzzRouteScan {
    /** Modules whose code does not serve Bongsu's HTTP port. */
    private static final Set<String> NOT_SERVED = Set.of("bench", "simulator", "testkit");
    private static final Pattern CALL = Pattern.compile(
            "\\b\\w*[rR]outer\\s*\\.\\s*(get|post|put|patch|delete|head|options|route)\\s*\\(([^()]*)\\)");
    private static final Pattern PAGE_HELPER = Pattern.compile("\\bget\\(\\s*router\\s*,\\s*([^,]+),");
    private static final Pattern CONSTANT = Pattern.compile("\\bString\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");

    /** One registration: where, which methods, the path as a pattern (unknown parts match anything). */
    record Registration(String where, Set<String> methods, Pattern path, String source) {
    }

    private FuzzRouteScan() {
    }

    /** The repository root: the nearest folder above the working directory holding {@code app/} and {@code pom.xml}. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("app/src/main/java")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    /** Every route registration in the main code of every served module. */
    static List<Registration> scan(Path root) {
        List<Registration> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))
                    && !NOT_SERVED.contains(m.getFileName().toString())).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        out.addAll(scanFile(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Registration> scanFile(String name, String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher c = CONSTANT.matcher(source);
        while (c.find()) {
            constants.put(c.group(1), c.group(2));
        }
        List<Registration> out = new ArrayList<>();
        Matcher m = CALL.matcher(source);
        while (m.find()) {
            String args = m.group(2).trim();
            if (args.isEmpty()) {
                continue; // router.route() with no path: a failure handler for everything
            }
            String method = m.group(1).toUpperCase(Locale.ROOT);
            Set<String> methods = method.equals("ROUTE") ? Set.of(FuzzRoutes.ANY) : Set.of(method);
            out.add(new Registration(name + ":" + line(source, m.start()), methods, pathPattern(args, constants), m.group()));
        }
        Matcher h = PAGE_HELPER.matcher(source);
        while (h.find()) {
            out.add(new Registration(name + ":" + line(source, h.start()), Set.of("GET", "HEAD"),
                    pathPattern(h.group(1).trim(), constants), h.group()));
        }
        return out;
    }

    /** Whether {@code routes} hold a route with every method of the registration and a path it matches. */
    static boolean covered(Registration r, List<FuzzRoutes.Route> routes) {
        return routes.stream().anyMatch(route -> route.methods().containsAll(r.methods()) && r.path().matcher(route.path()).matches());
    }

    /** {@code BASE + "/silences"} → the pattern of the concatenation; unresolved names (parameters, loop variables) match anything. */
    private static Pattern pathPattern(String expression, Map<String, String> constants) {
        StringBuilder regex = new StringBuilder();
        for (String part : expression.split("\\+")) {
            String p = part.trim();
            if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
                regex.append(Pattern.quote(p.substring(1, p.length() - 1)));
            } else if (constants.containsKey(p)) {
                regex.append(Pattern.quote(constants.get(p)));
            } else {
                regex.append(".*");
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static int line(String source, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
