package dev.bongsu.probes;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * The {@link WallFrame} of a result batch as two headers of its event-bus message, set where a probe node hands the
 * batch over ({@link ProbeOutput}) and read by whoever sends it on (a cluster's result relay).
 */
public final class FrameHeaders {
    /** The frame's wall time, epoch milliseconds. */
    public static final String WALL = "bongsu-frame-wall";
    /** The frame's monotonic time, milliseconds on the process's monotonic clock. */
    public static final String MONOTONIC = "bongsu-frame-monotonic";

    private FrameHeaders() {
    }

    /** Delivery options carrying {@code frame}. */
    public static DeliveryOptions options(WallFrame frame) {
        return new DeliveryOptions().addHeader(WALL, Long.toString(frame.wallMs()))
                .addHeader(MONOTONIC, Long.toString(frame.monotonicMs()));
    }

    /** The frame the headers carry; {@code null} when they carry none (or a malformed one). */
    public static WallFrame read(MultiMap headers) {
        String wall = headers.get(WALL);
        String monotonic = headers.get(MONOTONIC);
        if (wall == null || monotonic == null) {
            return null;
        }
        try {
            return new WallFrame(Long.parseLong(wall), Long.parseLong(monotonic));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
