package dev.bongsu.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpOutcomesTest {
    private final HttpOutcomes outcomes = new HttpOutcomes(Clock.fixed(Instant.parse("2026-10-15T06:33:00Z"), ZoneOffset.UTC));
    private final Redactor redactor = new Redactor(List.of("s3cr3t-token-value"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "200, DELIVERED", "202, DELIVERED", "204, DELIVERED",
        "408, RETRY", "429, RETRY", "500, RETRY", "502, RETRY", "503, RETRY",
        "400, FAILED", "401, FAILED", "403, FAILED", "404, FAILED", "410, FAILED", "301, FAILED"
    })
    void statusIsClassifiedInOnePlace(int status, DeliveryOutcome.Status expected) {
        assertThat(outcomes.of(status, null, "", redactor).status()).isEqualTo(expected);
    }

    @Test
    void retryAfterSecondsAndHttpDateAreHonoured() {
        assertThat(outcomes.of(429, "7", "", redactor).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(outcomes.of(503, "Thu, 15 Oct 2026 06:34:00 GMT", "", redactor).retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(outcomes.of(429, "soon", "", redactor).retryAfter()).isNull();
        assertThat(outcomes.of(429, null, "{\"ok\":false,\"parameters\":{\"retry_after\":12}}", redactor).retryAfter())
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(outcomes.of(429, "999999", "", redactor).retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void permanentFailureCarriesAShortRedactedExcerpt() {
        String body = "bad request for https://hooks.example.kr/services/T0/B0/abcdef with token s3cr3t-token-value " + "x".repeat(500);

        DeliveryOutcome o = outcomes.of(400, null, body, redactor);

        assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
        assertThat(o.reason()).startsWith("HTTP 400: bad request for https://hooks.example.kr/… with token (hidden) xxx");
        assertThat(o.reason()).doesNotContain("s3cr3t", "/services/T0").hasSizeLessThan(260);
    }

    @Test
    void connectionErrorsAndTimeoutsAreRetried() {
        DeliveryOutcome refused = outcomes.of(new ConnectException("Connection refused: http://127.0.0.1:9/bots3cr3t-token-value/x"), redactor);
        assertThat(refused.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
        assertThat(refused.reason()).isEqualTo("connection failed: Connection refused: http://127.0.0.1:9/…");
        assertThat(outcomes.of(new TimeoutException("no answer"), redactor).reason()).startsWith("timed out");
    }
}
