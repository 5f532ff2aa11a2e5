package dev.bongsu.app.chaos;


import dev.bongsu.app.cluster.ClusterProcesses;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the chaos tests share: the simulated fleet in the test JVM, the HTTP port a Bongsu child process logged,
 * and reading its {@code /metrics} and JSON API.
 */
final class ChaosRig {
    /** The admin token every chaos configuration sets ({@code /metrics} may sit behind it). */
    static final String ADMIN_TOKEN = "chaos-admin-token-0123456789abcdef";
    /** The {@code admin} section with {@link #ADMIN_TOKEN}. */
    static final String ADMIN_YAML = "admin: {token: \"" + ADMIN_TOKEN + "\"}\n";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChaosRig() {
    }

    /** The default simulated fleet (kakao and naver services in pangyo and elsewhere) on free loopback ports. */
    static RunningFleet startFleet(Vertx vertx) {
        return new Simulator(vertx, Fleet.defaultFleet(), SimulatorOptions.defaults().withBasePort(0).withoutLatency()).start().await();
    }

    /** The HTTP port the process {@code name} logged, waiting for it at most {@code within}. */
    static int httpPort(ClusterProcesses procs, String name, Duration within) {
        return procs.httpPort(name, within);
    }

    /** A GET on the process's HTTP port with the admin token; the body of a 200, or an exception. */
    static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The {@code cluster} section of a loopback cluster of at most {@code size} members on a block of free ports. */
    static String clusterYaml(int size) {
        int base = freePortBlock(size);
        return """
                cluster:
                  name: chaos-%d
                  host: 127.0.0.1
                  port: %d
                  portRange: %d
                  members: ["127.0.0.1:%d-%d"]
                  memberTimeout: 3s
                """.formatted(base, base, size, base, base + size - 1);
    }

    private static int freePortBlock(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + count + " free ports found on 127.0.0.1");
    }

    /** The sum of every sample of a metric whose labels contain {@code labelFilter} (empty: all). */
    static double metric(String exposition, String name, String labelFilter) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels = line.indexOf('{') > 0 ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
                if (labels.contains(labelFilter)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }
}
