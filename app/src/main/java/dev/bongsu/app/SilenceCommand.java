package dev.bongsu.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** {@code bongsu silence add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Silence notifications of incidents matching every MATCHER.")
    static final class Add implements Callable<Integer> {
        @Mixin
        AdminApi api;

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
        AdminApi api;

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
        AdminApi api;

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
