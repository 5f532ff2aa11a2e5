package dev.bongsu.simulator;

import dev.bongsu.model.OperatorError;

/** The fleet could not start, e.g. because a port is already in use; the message says which and why. */
public final class SimulatorStartException extends RuntimeException implements OperatorError {
    private static final long serialVersionUID = 1L;

    /** A start failure with a one-line explanation. */
    public SimulatorStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
