package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a probe failed: one class per failure, named on the wire in snake case. Every class but
 * {@link #LOCAL_RESOURCE} says something about the target; {@code local_resource} says the probing host itself could
 * not probe. New classes go at the end: the binary result codec sends the ordinal.
 */
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
    INTERNAL("internal"),
    /**
     * The probing host ran out of something it needs to probe at all (file descriptors, local ports, socket buffers,
     * event-loop threads): nothing reached the target, so the result says nothing about the service.
     */
    LOCAL_RESOURCE("local_resource"),
    /** A heartbeat check's job did not call within its period and grace. */
    HEARTBEAT_MISSED("heartbeat_missed"),
    /** A heartbeat check's job called and said it is down ({@code status=down}). */
    HEARTBEAT_DOWN("heartbeat_down");

    private final String wireName;

    ErrorClass(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, tags and metrics labels. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether a failure of this class is about the probing host, not the target: no evidence about the service. */
    public boolean probeSide() {
        return this == LOCAL_RESOURCE;
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
