package dev.bongsu.alerting.notify;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;

/**
 * The one place HTTP answers become outcomes: 2xx delivered; 408, 429, 5xx, timeouts and connection errors retried
 * (honouring {@code Retry-After}); any other status failed for good, with a short excerpt of the body.
 */
public final class HttpOutcomes {
    private static final int EXCERPT = 200;
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final Clock clock;

    /** Classification that reads HTTP-date {@code Retry-After} values against this clock. */
    public HttpOutcomes(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of an HTTP answer. */
    public DeliveryOutcome of(int status, String retryAfter, String body, Redactor redactor) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered();
        }
        String excerpt = excerpt(body, redactor);
        String reason = "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (status == 408 || status == 429 || status >= 500) {
            Duration wait = retryAfter(retryAfter);
            if (wait == null) {
                wait = bodyRetryAfter(body);
            }
            return DeliveryOutcome.retry(reason, wait);
        }
        return DeliveryOutcome.failed(reason);
    }

    /** The outcome of a request that got no answer. */
    public DeliveryOutcome of(Throwable error, Redactor redactor) {
        String what;
        if (error instanceof TimeoutException || (error.getMessage() != null && error.getMessage().contains("timeout"))) {
            what = "timed out";
        } else if (error instanceof ConnectException) {
            what = "connection failed";
        } else if (error instanceof UnknownHostException) {
            what = "unknown host";
        } else {
            what = "request failed";
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return DeliveryOutcome.retry(what + ": " + redactor.redact(oneLine(detail, EXCERPT)), null);
    }

    /** Parses {@code Retry-After}: seconds or an HTTP date; {@code null} when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return cap(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return cap(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    // Telegram answers 429 with {"parameters":{"retry_after":N}} in the body.
    private static Duration bodyRetryAfter(String body) {
        if (body == null || !body.trim().startsWith("{")) {
            return null;
        }
        try {
            JsonObject params = new JsonObject(body).getJsonObject("parameters");
            Integer s = params == null ? null : params.getInteger("retry_after");
            return s == null ? null : cap(Duration.ofSeconds(Math.max(0, s)));
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private static String excerpt(String body, Redactor redactor) {
        return body == null ? "" : redactor.redact(oneLine(body, EXCERPT));
    }

    private static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }
}
