package dev.bongsu.statuspage.api;

/** A request parameter that cannot be used; its message names the parameter and says what is allowed. */
public final class BadParameter extends RuntimeException {
    /** A bad parameter with a message for the client. */
    public BadParameter(String message) {
        super(message, null, false, false);
    }
}
