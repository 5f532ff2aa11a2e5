package dev.bongsu.simulator;

/** The fleet could not start, e.g. because a port is already in use; the message says which and why. */
public final class SimulatorStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A start failure with a one-line explanation. */
    public SimulatorStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
