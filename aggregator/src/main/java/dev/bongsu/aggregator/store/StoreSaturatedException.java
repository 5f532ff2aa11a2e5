package dev.bongsu.aggregator.store;

/** A write refused because the store's bounded write queue is full; the rows were not stored. */
public final class StoreSaturatedException extends RuntimeException {
    /** A refusal with a message naming the file and the limit. */
    public StoreSaturatedException(String message) {
        super(message, null, false, false);
    }
}
