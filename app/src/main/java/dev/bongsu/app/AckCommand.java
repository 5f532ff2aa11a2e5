package dev.bongsu.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bongsu ack ID}: acknowledges an incident through the admin API of a running Bongsu ({@code --list} lists acks). */
@Command(name = "ack", mixinStandardHelpOptions = true,
        description = "Acknowledge an incident on a running Bongsu (admin API): reminders stop and no further escalation step is taken.")
final class AckCommand implements Callable<Integer> {
    @Mixin
    AdminApi api;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "the incident id, as in the notification")
    String id;

    @Option(names = "--by", defaultValue = "${env:USER}", description = "who acknowledges (default: $USER)")
    String by;

    @Option(names = "--list", description = "list the acknowledgements instead")
    boolean list;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            JsonArray acks = api.call("GET", "/acks", null).getJsonArray("acks");
            out.printf("%-30s %-16s %-26s %s%n", "INCIDENT", "BY", "AT", "VIA");
            for (int i = 0; i < acks.size(); i++) {
                JsonObject a = acks.getJsonObject(i);
                out.printf("%-30s %-16s %-26s %s%n", a.getString("incidentId"), a.getString("by"), a.getString("at"), a.getString("via"));
            }
            return 0;
        }
        if (id == null || id.isBlank()) {
            throw new UserException("ack: give the incident ID (or --list)", Main.EXIT_CONFIG);
        }
        JsonObject body = new JsonObject().put("via", "cli");
        if (by != null && !by.isBlank()) {
            body.put("by", by);
        }
        JsonObject a = api.call("POST", "/incidents/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/ack", body);
        out.printf("incident %s %s%n", a.getString("incidentId"), a.getString("message"));
        return 0;
    }
}
