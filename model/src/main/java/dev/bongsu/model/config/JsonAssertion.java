package dev.bongsu.model.config;

/**
 * The value at a JSON pointer of the body must equal a text (compared with the JSON value's text form).
 *
 * @param pointer an RFC 6901 pointer, e.g. {@code /status}
 * @param equals  the expected value, e.g. {@code ok}
 */
public record JsonAssertion(String pointer, String equals) {
}
