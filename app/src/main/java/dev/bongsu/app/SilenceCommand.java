package dev.bongsu.app;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bongsu silence add|list|expire}: manages silences through the admin API of a running Bongsu. */
@Command(name = "silence", mixinStandardHelpOptions = true,
        description = "Create, list and expire silences on a running Bongsu (admin API).",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Expire.class})
final class SilenceCommand implements Runnable {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the admin API is and the token to use. */
    static final class Connection {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Bongsu's base URL (default: ${DEFAULT-VALUE})")
        String url;

        @Option(names = "--token", defaultValue = "${env:BONGSU_ADMIN_TOKEN}",
                description = "admin token (default: the BONGSU_ADMIN_TOKEN environment variable)")
        String token;

        JsonObject call(String method, String path, JsonObject body) {
            if (token == null || token.isBlank()) {
                throw new UserException("no admin token: pass --token or set BONGSU_ADMIN_TOKEN", Main.EXIT_CONFIG);
            }
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            URI uri;
            try {
                uri = URI.create(base + "/api/v1/admin" + path);
            } catch (IllegalArgumentException e) {
                throw new UserException("--url: expected a URL such as http://127.0.0.1:8080, found '" + url + "'", Main.EXIT_CONFIG);
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            req = body == null ? req.method(method, HttpRequest.BodyPublishers.noBody())
                    : req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
            HttpResponse<String> resp;
            try {
                resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserException("cannot reach " + base + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserException("interrupted", 1);
            }
            JsonObject json;
            try {
                json = new JsonObject(resp.body());
            } catch (DecodeException | ClassCastException e) {
                throw new UserException(base + " answered HTTP " + resp.statusCode() + " without JSON; is it Bongsu?", 1);
            }
            if (resp.statusCode() / 100 != 2) {
                JsonObject err = json.getJsonObject("error");
                throw new UserException("HTTP " + resp.statusCode() + ": " + (err == null ? json.encode() : err.getString("message")), 1);
            }
            return json;
        }
    }

    /** {@code bongsu silence add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Silence notifications of incidents matching every MATCHER.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Connection api;

        @Parameters(paramLabel = "MATCHER", arity = "1..*",
                description = "label=value, label!=value, label=~regex or label!~regex; labels: kind, severity, service, provider,"
                        + " category, datacenter, region")
        List<String> matchers;

        @Option(names = "--comment", required = true, description = "why (shown with every suppressed notification)")
        String comment;

        @Option(names = "--author", defaultValue = "${env:USER}", description = "who (default: $USER)")
        String author;

        @Option(names = "--duration", description = "how long, e.g. 30m, 2h, 1d (default 1h unless --ends)")
        String duration;

        @Option(names = "--starts", description = "ISO-8601 UTC start, e.g. 2026-12-01T01:00:00Z (default: now)")
        String starts;

        @Option(names = "--ends", description = "ISO-8601 UTC end instead of --duration")
        String ends;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonObject body = new JsonObject()
                    .put("matchers", new JsonArray(matchers))
                    .put("author", author == null || author.isBlank() ? "unknown" : author)
                    .put("comment", comment);
            if (starts != null) {
                body.put("startsAt", starts);
            }
            if (ends != null) {
                body.put("endsAt", ends);
            } else {
                body.put("duration", duration == null ? "1h" : duration);
            }
            JsonObject s = api.call("POST", "/silences", body);
            spec.commandLine().getOut().printf("%s %s from %s until %s: %s%n", s.getString("id"), s.getString("state"),
                    s.getString("startsAt"), s.getString("endsAt"), String.join(",", s.getJsonArray("matchers").stream().map(String::valueOf).toList()));
            return 0;
        }
    }

    /** {@code bongsu silence list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List silences.")
    static final class ListSilences implements Callable<Integer> {
        @Mixin
        Connection api;

        @Option(names = "--state", defaultValue = "all", description = "active, pending, expired or all (default: ${DEFAULT-VALUE})")
        String state;

        @Option(names = "--json", description = "print the API's JSON")
        boolean json;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String query = "all".equals(state) ? "" : "?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
            JsonObject resp = api.call("GET", "/silences" + query, null);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(resp.encodePrettily());
                return 0;
            }
            JsonArray list = resp.getJsonArray("silences");
            out.printf("%-18s %-8s %-22s %-12s %s%n", "ID", "STATE", "ENDS", "AUTHOR", "MATCHERS / COMMENT");
            for (int i = 0; i < list.size(); i++) {
                JsonObject s = list.getJsonObject(i);
                out.printf("%-18s %-8s %-22s %-12s %s  # %s%n", s.getString("id"), s.getString("state"), s.getString("endsAt"),
                        s.getString("author"), String.join(",", s.getJsonArray("matchers").stream().map(String::valueOf).toList()),
                        s.getString("comment"));
            }
            return 0;
        }
    }

    /** {@code bongsu silence expire ID}. */
    @Command(name = "expire", mixinStandardHelpOptions = true, description = "End a silence now.")
    static final class Expire implements Callable<Integer> {
        @Mixin
        Connection api;

        @Parameters(paramLabel = "ID", description = "the silence id, e.g. sil-1a2b3c4d-5e6f")
        String id;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonObject s = api.call("DELETE", "/silences/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null);
            spec.commandLine().getOut().printf("%s %s since %s%n", s.getString("id"), s.getString("state"), s.getString("endsAt"));
            return 0;
        }
    }
}
