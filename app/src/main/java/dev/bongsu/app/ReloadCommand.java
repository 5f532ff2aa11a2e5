package dev.bongsu.app;

import dev.bongsu.app.reload.ReloadRoutes;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bongsu reload}: asks a running Bongsu to reload its configuration file (admin API). */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {
            "Ask a running Bongsu to reload its configuration file, and print what changed.",
            "The running process validates the file completely first: an invalid file, or one that changes a setting only "
                    + "a restart takes (http listener, storage, cluster, …), changes nothing and is reported here with exit "
                    + "status 1. With --config the address and admin token are read from that file (the one the process runs)."
        })
final class ReloadCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "the configuration the running process uses: its http host and port and admin.token say where to ask")
    private Path config;

    @Option(names = "--url", paramLabel = "URL", description = "Bongsu's base URL (default: http.host and http.port of --config, "
            + "else http://127.0.0.1:8080)")
    private String url;

    @Option(names = "--token-env", paramLabel = "NAME", defaultValue = "BONGSU_ADMIN_TOKEN",
            description = "environment variable holding the admin token (default: ${DEFAULT-VALUE}; else admin.token of --config)")
    private String tokenEnv;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String token = System.getenv(tokenEnv);
        // the file is read only for what the options did not say: an operator's shell may lack the service's secrets
        boolean fileNeeded = url == null || token == null || token.isBlank();
        BongsuConfig cfg = config == null || !fileNeeded ? null : ConfigLoader.fromSystemEnvironment().load(config);
        String base = base(cfg);
        if ((token == null || token.isBlank()) && cfg != null) {
            token = cfg.admin().token();
        }
        if (token == null || token.isBlank()) {
            throw new UserException("no admin token: set " + tokenEnv + " or pass --config with admin.token", Main.EXIT_CONFIG);
        }
        // a reload waits for every part, the status page's rebuild included
        AdminApi.Answer resp = AdminApi.exchange(base, token, "POST", ReloadRoutes.RELOAD, null, Duration.ofSeconds(60));
        JsonObject json = resp.json();
        PrintWriter out = spec.commandLine().getOut();
        if (resp.status() == 200) {
            out.println(json.getString("status") + ": configuration " + json.getString("previousHash") + " -> " + json.getString("hash")
                    + " (" + json.getString("file") + ")");
            lines(json, out);
            return 0;
        }
        PrintWriter errOut = spec.commandLine().getErr();
        errOut.println("bongsu: reload refused (HTTP " + resp.status() + "): " + resp.error());
        lines(json, errOut);
        return 1;
    }

    private String base(BongsuConfig cfg) {
        return url != null ? url : cfg != null ? "http://" + reachable(cfg.http().host()) + ":" + cfg.http().port() : "http://127.0.0.1:8080";
    }

    /** A listener on every interface is asked on loopback. */
    private static String reachable(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    private static void lines(JsonObject json, PrintWriter out) {
        JsonArray lines = json.getJsonArray("lines");
        if (lines != null) {
            lines.forEach(l -> out.println("  " + l));
        }
    }
}
