package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The protocol a check probes with. */
public enum CheckType {
    HTTP, TCP, DNS, TLS,
    /** Pushed "I am alive" calls to {@code /api/v1/push/{check}}, never probed. */
    HEARTBEAT;

    /** Lower-case name as written in config and on the wire. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All wire names, comma separated, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(CheckType::wireName).collect(Collectors.joining(", "));
    }
}
