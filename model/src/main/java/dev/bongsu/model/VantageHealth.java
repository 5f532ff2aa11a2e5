package dev.bongsu.model;

/**
 * What one vantage sees of one service right now, from the detector's own per-vantage state (not from stored
 * minutes, which close a few minutes late).
 *
 * @param serviceId the service
 * @param vantage   the vantage name
 * @param checks    checks of the service this vantage has a recent result for
 * @param failing   of those, how many this vantage sees failing (after its own confirmation of consecutive failures)
 */
public record VantageHealth(String serviceId, String vantage, int checks, int failing) {
    public VantageHealth {
        if (checks < 0 || failing < 0 || failing > checks) {
            throw new IllegalArgumentException("vantage health needs 0 <= failing <= checks, got " + failing + "/" + checks);
        }
    }
}
