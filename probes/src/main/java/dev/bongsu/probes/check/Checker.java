package dev.bongsu.probes.check;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import io.vertx.core.Future;

/** Probes one kind of check; the future always succeeds with a result, a failure being a classified result. */
public interface Checker {
    /** The check type this checker probes. */
    CheckType type();

    /**
     * Runs one probe of {@code check} from {@code vantage}, finishing within the check's timeout.
     *
     * @param startedAtMs the probe's start, epoch milliseconds, stamped on the result
     */
    Future<ProbeResult> probe(CheckConfig check, String vantage, long startedAtMs);
}
