package dev.bongsu.model;

import java.util.Objects;

/**
 * The outcome of one probe of one check from one vantage.
 *
 * @param checkId     full check id ({@code service.check})
 * @param serviceId   the service the check belongs to
 * @param vantage     where the probe ran
 * @param startedAt   probe start, epoch milliseconds
 * @param ok          whether the check passed
 * @param error       why it failed; {@code null} when {@code ok}
 * @param statusCode  HTTP status, 0 when there was none
 * @param timings     phase timings
 * @param certDaysLeft days until the certificate expires, {@code null} when not measured
 * @param detail      a short human explanation of a failure, {@code null} when ok
 */
public record ProbeResult(
        String checkId,
        String serviceId,
        String vantage,
        long startedAt,
        boolean ok,
        ErrorClass error,
        int statusCode,
        Timings timings,
        Double certDaysLeft,
        String detail) {

    public ProbeResult {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(vantage, "vantage");
        Objects.requireNonNull(timings, "timings");
        if (ok == (error != null)) {
            throw new IllegalArgumentException("a result has an error class exactly when it failed: ok=" + ok + " error=" + error);
        }
    }

    /** A passing result. */
    public static ProbeResult success(String checkId, String serviceId, String vantage, long startedAt, int statusCode, Timings timings) {
        return new ProbeResult(checkId, serviceId, vantage, startedAt, true, null, statusCode, timings, null, null);
    }

    /** A failing result. */
    public static ProbeResult failure(String checkId, String serviceId, String vantage, long startedAt,
                                      ErrorClass error, int statusCode, Timings timings, String detail) {
        return new ProbeResult(checkId, serviceId, vantage, startedAt, false, error, statusCode, timings, null, detail);
    }

    /** Total duration of the probe in ms. */
    public double latencyMs() {
        return timings.totalMs();
    }

    /** This result with another vantage name (a probe node stamps its vantage). */
    public ProbeResult withVantage(String newVantage) {
        return new ProbeResult(checkId, serviceId, newVantage, startedAt, ok, error, statusCode, timings, certDaysLeft, detail);
    }

    /** This result with the certificate's remaining days. */
    public ProbeResult withCertDaysLeft(Double days) {
        return new ProbeResult(checkId, serviceId, vantage, startedAt, ok, error, statusCode, timings, days, detail);
    }
}
