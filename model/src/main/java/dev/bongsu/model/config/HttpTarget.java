package dev.bongsu.model.config;

import java.net.URI;
import java.util.Map;

/**
 * An HTTP(S) request and what its answer must satisfy.
 *
 * @param url             the URL
 * @param method          GET, HEAD, POST, …
 * @param headers         request headers
 * @param body            request body, or {@code null}
 * @param expectStatus    acceptable status codes
 * @param bodyContains    a keyword the body must contain, or {@code null}
 * @param json            a JSON-pointer assertion on the body, or {@code null}
 * @param followRedirects whether redirects are followed
 * @param maxRedirects    how many redirects at most
 * @param maxBodyBytes    how much of the body is read at most
 * @param verifyTls       whether the certificate chain and host name are verified
 */
public record HttpTarget(
        URI url,
        String method,
        Map<String, String> headers,
        String body,
        StatusSet expectStatus,
        String bodyContains,
        JsonAssertion json,
        boolean followRedirects,
        int maxRedirects,
        int maxBodyBytes,
        boolean verifyTls) implements CheckTarget {

    public HttpTarget {
        headers = Map.copyOf(headers);
    }

    @Override
    public String describe() {
        return method + " " + url;
    }

    /** Whether the URL is https. */
    public boolean isHttps() {
        return "https".equalsIgnoreCase(url.getScheme());
    }
}
