package dev.bongsu.bench.paging;

import dev.bongsu.simulator.ServiceAddress;
import java.nio.file.Path;
import java.util.List;

/** A monitoring system the bench starts fresh for each run, pointed at the simulated fleet and the webhook receiver. */
interface MonitorUnderTest {
    /** A short name for the report, e.g. {@code bongsu}. */
    String name();

    /** What it runs, for the report (versions, settings). */
    String describe();

    /**
     * Starts it with an empty data directory {@code runDir}, probing {@code services} every second and sending its
     * notifications to {@code webhookUrl}.
     */
    void start(Path runDir, List<ServiceAddress> services, String webhookUrl) throws Exception;

    /**
     * Waits until it sees every service up (so a fault injected now is a change from a steady state); throws when
     * that does not happen by {@code deadlineMillis}.
     */
    void awaitSteady(long deadlineMillis) throws Exception;

    /** Stops everything it started and waits for it to exit. */
    void stop();
}
