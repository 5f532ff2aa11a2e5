package dev.bongsu.bench.probes;

import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.ServiceAddress;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The target of the probe benchmark, in its own JVM so the probe node's CPU time is its own: the simulated fleet
 * without latency ({@code simulator}) or one minimal Vert.x HTTP server ({@code minimal}), on loopback. Writes the
 * URLs to probe to a file, one a line, then serves until killed.
 *
 * <pre>java -cp … dev.bongsu.bench.probes.ProbeTarget simulator|minimal URLS_FILE</pre>
 */
public final class ProbeTarget {
    private ProbeTarget() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("simulator", "minimal").contains(args[0])) {
            System.err.println("usage: ProbeTarget simulator|minimal URLS_FILE");
            System.exit(2);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        List<String> urls = new ArrayList<>();
        if (args[0].equals("simulator")) {
            RunningFleet fleet = new Simulator(vertx, Fleet.defaultFleet(), SimulatorOptions.defaults().withoutLatency()).start().await();
            for (ServiceAddress s : fleet.services()) {
                urls.add(s.healthUrl().toString());
            }
        } else {
            int port = vertx.createHttpServer()
                    .requestHandler(req -> req.response().putHeader("content-type", "text/plain").end("ok"))
                    .listen(0, "127.0.0.1").await().actualPort();
            urls.add("http://127.0.0.1:" + port + "/health");
        }
        Path out = Path.of(args[1]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, urls);
        Files.move(tmp, out);
        System.out.println("probe target (" + args[0] + ") serving " + urls.size() + " URLs, first " + urls.get(0));
    }
}
