package dev.bongsu.aggregator.store.influx;

/** InfluxDB refused some points for good (beyond retention, unparsable, a field type conflict): retrying cannot help. */
final class RejectedPointsException extends Exception {
    private final int rejected;

    RejectedPointsException(String message, int rejected, Throwable cause) {
        super(message, cause);
        this.rejected = rejected;
    }

    /** How many points InfluxDB dropped (the whole batch when it did not say). */
    int rejected() {
        return rejected;
    }
}
