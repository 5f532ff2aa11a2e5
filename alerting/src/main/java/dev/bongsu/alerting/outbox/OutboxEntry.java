package dev.bongsu.alerting.outbox;

/** One pending outbox row in memory, with whether an attempt of it is in flight or its retry is being written. */
final class OutboxEntry {
    OutboxRow row;
    boolean inFlight;
    boolean writing;

    OutboxEntry(OutboxRow row) {
        this.row = row;
    }

    /** Whether neither an attempt nor a write holds this entry. */
    boolean idle() {
        return !inFlight && !writing;
    }
}
