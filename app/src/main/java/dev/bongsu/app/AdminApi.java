package dev.bongsu.app;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The command line's way to a running Bongsu's admin API: the {@code --url} and {@code --token} options (a picocli
 * mixin, for {@code silence} and {@code ack}) and one JSON exchange, also used by {@code reload}. Every condition a user
 * can fix (no token, a bad URL, nothing listening, an answer that is not Bongsu's) is a one-line {@link UserException}.
 */
final class AdminApi {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Bongsu's base URL (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", defaultValue = "${env:BONGSU_ADMIN_TOKEN}",
            description = "admin token (default: the BONGSU_ADMIN_TOKEN environment variable)")
    String token;

    /** One answer: its status and JSON body. */
    record Answer(int status, JsonObject json) {
        /** The error message of a non-2xx answer. */
        String error() {
            JsonObject err = json.getJsonObject("error");
            return err == null ? json.encode() : err.getString("message");
        }
    }

    /** Calls {@code /api/v1/admin + path}; a non-2xx answer is a {@link UserException} with the API's message. */
    JsonObject call(String method, String path, JsonObject body) {
        if (token == null || token.isBlank()) {
            throw new UserException("no admin token: pass --token or set BONGSU_ADMIN_TOKEN", Main.EXIT_CONFIG);
        }
        Answer a = exchange(url, token, method, "/api/v1/admin" + path, body, Duration.ofSeconds(10));
        if (a.status() / 100 != 2) {
            throw new UserException("HTTP " + a.status() + ": " + a.error(), 1);
        }
        return a.json();
    }

    /** Sends one request with the admin token to {@code base + path} and reads its JSON answer, whatever its status. */
    static Answer exchange(String base, String token, String method, String path, JsonObject body, Duration timeout) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        URI uri;
        try {
            uri = URI.create(root + path);
        } catch (IllegalArgumentException e) {
            throw new UserException("--url: expected a URL such as http://127.0.0.1:8080, found '" + base + "'", Main.EXIT_CONFIG);
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        req = body == null ? req.method(method, HttpRequest.BodyPublishers.noBody())
                : req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        HttpResponse<String> resp;
        try {
            resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserException("cannot reach " + root + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted", 1);
        }
        try {
            return new Answer(resp.statusCode(), new JsonObject(resp.body()));
        } catch (DecodeException | ClassCastException e) {
            throw new UserException(root + " answered HTTP " + resp.statusCode() + " without JSON; is it Bongsu?", 1);
        }
    }
}
