package dev.bongsu.model;

/**
 * Marks an exception whose message alone tells the operator what to fix (a port in use, a database file that cannot
 * be opened): the command line prints it as one line and exits 1, without a stack trace.
 */
public interface OperatorError {
}
