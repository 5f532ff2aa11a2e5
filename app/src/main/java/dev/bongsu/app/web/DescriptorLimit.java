package dev.bongsu.app.web;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;

/**
 * The process's file-descriptor limit and the public connection cap derived from it: the cap leaves the descriptors
 * already open when the listener starts (the JVM, its jars, the databases, the simulated fleet) plus the larger of a
 * quarter of the limit or 512 for what probing, storage and the cluster open later.
 */
public final class DescriptorLimit {
    /** Descriptors always kept back from the public listener. */
    public static final int MIN_RESERVE = 512;
    /** The cap when the limit cannot be read (not a Unix JVM). */
    public static final int CAP_WHEN_UNKNOWN = 4096;
    /** The smallest cap ever derived, so that a tiny limit still serves a few people. */
    public static final int MIN_CAP = 32;

    private DescriptorLimit() {
    }

    /** The process's limit on open descriptors, when the JVM can tell. */
    public static OptionalLong processLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /** The descriptors open in this process now, when the JVM can tell ({@code -1} otherwise). */
    public static long openNow() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** The cap of public connections for a process allowed {@code limit} descriptors, with none open yet. */
    public static int defaultCap(OptionalLong limit) {
        return defaultCap(limit, 0);
    }

    /** The cap of public connections for a process allowed {@code limit} descriptors, {@code alreadyOpen} in use. */
    public static int defaultCap(OptionalLong limit, long alreadyOpen) {
        if (limit.isEmpty()) {
            return CAP_WHEN_UNKNOWN;
        }
        long fds = limit.getAsLong();
        long reserve = Math.max(MIN_RESERVE, fds / 4) + Math.max(0, alreadyOpen);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_CAP, fds - reserve));
    }
}
