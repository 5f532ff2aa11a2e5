package dev.bongsu.bench.paging;

import dev.bongsu.simulator.ServiceAddress;
import dev.bongsu.model.scenario.FleetService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peer: Prometheus + blackbox_exporter + Alertmanager (Debian's packages), each in its own process on a free
 * loopback port, tuned the way an operator would for fast paging: scrape and rule evaluation every 1 s, a
 * {@code probe_success == 0} rule with {@code for: 3s}, Alertmanager {@code group_wait: 0s}, grouped by provider
 * and datacenter, its webhook pointing at the bench's receiver. Probe timeout 1 s (the module's), cut to the scrape
 * timeout by blackbox_exporter.
 */
final class PrometheusStack implements MonitorUnderTest {
    static final String PROMETHEUS = "prometheus";
    static final String BLACKBOX = "prometheus-blackbox-exporter";
    static final String ALERTMANAGER = "prometheus-alertmanager";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Process> processes = new ArrayList<>();
    private List<ServiceAddress> services;
    private int promPort;
    private int amPort;
    private Path runDir;

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String describe() {
        return version(PROMETHEUS) + " + " + version(BLACKBOX) + " + " + version(ALERTMANAGER)
                + "; scrape/evaluation 1s, probe_success == 0 for 3s, group_wait 0s, group_interval 1s";
    }

    private static String version(String binary) {
        try {
            Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            String first = out.lines().findFirst().orElse(binary);
            int v = first.indexOf("version ");
            return binary + " " + (v < 0 ? first : first.substring(v + 8).split(" ")[0]);
        } catch (IOException | InterruptedException e) {
            return binary + " (not found)";
        }
    }

    @Override
    public void start(Path runDir, List<ServiceAddress> services, String webhookUrl) throws Exception {
        this.runDir = runDir;
        this.services = services;
        int bbPort = BongsuProcess.freePort();
        promPort = BongsuProcess.freePort();
        amPort = BongsuProcess.freePort();

        Files.writeString(runDir.resolve("blackbox.yml"), """
                modules:
                  http_2xx:
                    prober: http
                    timeout: 1s
                    http:
                      preferred_ip_protocol: ip4
                """);
        Files.writeString(runDir.resolve("rules.yml"), """
                groups:
                  - name: bench
                    interval: 1s
                    rules:
                      - alert: ServiceDown
                        expr: probe_success == 0
                        for: 3s
                        labels: {severity: critical}
                """);
        Files.writeString(runDir.resolve("alertmanager.yml"), """
                route:
                  receiver: bench
                  group_by: [provider, datacenter]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: bench
                    webhook_configs:
                      - url: "%s"
                        send_resolved: true
                """.formatted(webhookUrl));
        StringBuilder targets = new StringBuilder();
        for (ServiceAddress a : services) {
            FleetService s = a.service();
            targets.append("      - targets: [\"").append(a.healthUrl()).append("\"]\n")
                    .append("        labels: {service: ").append(s.id()).append(", provider: ").append(s.provider())
                    .append(", datacenter: ").append(s.datacenter()).append("}\n");
        }
        Files.writeString(runDir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files: ["%s"]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ["127.0.0.1:%d"]
                scrape_configs:
                  - job_name: blackbox
                    metrics_path: /probe
                    params: {module: [http_2xx]}
                    static_configs:
                %s    relabel_configs:
                      - source_labels: [__address__]
                        target_label: __param_target
                      - source_labels: [__param_target]
                        target_label: instance
                      - target_label: __address__
                        replacement: "127.0.0.1:%d"
                """.formatted(runDir.resolve("rules.yml"), amPort, targets, bbPort));

        spawn("blackbox", BLACKBOX, "--config.file=" + runDir.resolve("blackbox.yml"),
                "--web.listen-address=127.0.0.1:" + bbPort);
        spawn("alertmanager", ALERTMANAGER, "--config.file=" + runDir.resolve("alertmanager.yml"),
                "--storage.path=" + runDir.resolve("alertmanager-data"), "--web.listen-address=127.0.0.1:" + amPort,
                "--cluster.listen-address=");
        spawn("prometheus", PROMETHEUS, "--config.file=" + runDir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + runDir.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + promPort);
    }

    private void spawn(String name, String... cmd) throws IOException {
        processes.add(new ProcessBuilder(cmd).directory(runDir.toFile()).redirectErrorStream(true)
                .redirectOutput(runDir.resolve(name + ".log").toFile()).start());
    }

    @Override
    public void awaitSteady(long deadlineMillis) throws Exception {
        String last = "no answer yet";
        String query = URLEncoder.encode("probe_success", StandardCharsets.UTF_8);
        while (System.currentTimeMillis() < deadlineMillis) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a process of the peer exited (" + p.info().command().orElse("?") + "); see the logs in "
                            + runDir);
                }
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + promPort + "/api/v1/query?query=" + query)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> am = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + amPort + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    JsonArray result = new JsonObject(r.body()).getJsonObject("data").getJsonArray("result");
                    long up = result.stream().filter(o -> "1".equals(((JsonObject) o).getJsonArray("value").getString(1))).count();
                    last = up + " of " + services.size() + " targets with probe_success 1, alertmanager " + am.statusCode();
                    if (up == services.size() && am.statusCode() == 200) {
                        return;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the peer is not steady in time (" + last + "); see the logs in " + runDir);
    }

    @Override
    public void stop() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
