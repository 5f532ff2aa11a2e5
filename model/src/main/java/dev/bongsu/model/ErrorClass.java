package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a probe failed: one class per failure, named on the wire in snake case. */
public enum ErrorClass {
    DNS("dns"),
    CONNECT_REFUSED("connect_refused"),
    CONNECT_TIMEOUT("connect_timeout"),
    CONNECTION_RESET("connection_reset"),
    NETWORK("network"),
    TLS("tls"),
    CERT_EXPIRING("cert_expiring"),
    PROTOCOL("protocol"),
    HTTP_4XX("http_4xx"),
    HTTP_5XX("http_5xx"),
    HTTP_STATUS("http_status"),
    TOO_MANY_REDIRECTS("too_many_redirects"),
    ASSERTION("assertion"),
    READ_TIMEOUT("read_timeout"),
    TIMEOUT("timeout"),
    INTERNAL("internal");

    private final String wireName;

    ErrorClass(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, tags and metrics labels. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the allowed values. */
    @JsonCreator
    public static ErrorClass fromWire(String name) {
        for (ErrorClass c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown error class '" + name + "'");
    }
}
