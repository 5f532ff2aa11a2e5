package dev.bongsu.aggregator.store;

import dev.bongsu.model.OperatorError;

/** A store that could not be opened; the message names the file or address and what is wrong with it. */
public final class StoreOpenException extends RuntimeException implements OperatorError {
    /** A failure to open, with its cause. */
    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
