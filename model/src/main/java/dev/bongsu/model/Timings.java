package dev.bongsu.model;

/**
 * Phases of one probe in milliseconds; a phase that did not happen (no DNS for an IP literal, no TLS
 * on plain HTTP, no response) is {@link #NOT_MEASURED}.
 */
public record Timings(double dnsMs, double connectMs, double tlsMs, double firstByteMs, double totalMs) {
    /** Marks a phase that was not measured. */
    public static final double NOT_MEASURED = -1;

    /** Only the total is known. */
    public static Timings total(double totalMs) {
        return new Timings(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, totalMs);
    }
}
