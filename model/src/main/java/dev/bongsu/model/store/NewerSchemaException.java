package dev.bongsu.model.store;

import dev.bongsu.model.OperatorError;

/**
 * A database file written by a newer Bongsu than the one starting: the message names the file, both versions and
 * what to do. The command line prints it as one line and exits with status 2, like an invalid configuration.
 */
public final class NewerSchemaException extends RuntimeException implements OperatorError {
    private static final long serialVersionUID = 1L;

    /** A refusal with its whole explanation. */
    public NewerSchemaException(String message) {
        super(message);
    }
}
