package dev.bongsu.statuspage.reports;

import dev.bongsu.model.LocalizedText;
import java.util.List;

/**
 * One row of a report: the figures of one group of services over the report's range (see docs/API.md, "Reports",
 * for the exact definitions). Times are epoch milliseconds, lengths milliseconds.
 *
 * @param key              the service id or attribute value; {@code null} for services whose value is not public
 * @param name             display name of the key, or {@code null}
 * @param services         the service ids in the group
 * @param outageMs         time during which at least one service of the group was in an outage
 * @param allDownMs        time during which every service of the group was in an outage
 * @param degradedMs       time during which at least one service was degraded and none was in an outage
 * @param serviceOutageMs  outage time summed over the services (service-milliseconds)
 * @param serviceDegradedMs degraded time summed over the services
 * @param partialMinutes   service-minutes with at least one failed probe that no outage or degradation covers
 * @param observedMinutes  service-minutes with at least one probe
 * @param noDataMinutes    service-minutes of the range without any probe, up to the newest stored minute
 * @param probes           probes run
 * @param okProbes         probes that passed
 * @param incidents        public incidents about the group, a correlated incident and its members counted once
 * @param longestOutage    the longest stretch of {@code outageMs}, or {@code null}
 * @param longestOngoing   whether that stretch had not ended when the report was made
 * @param worstHour        the clock hour with the most service outage time, or {@code null} without outages
 */
public record ReportRow(
        String key,
        LocalizedText name,
        List<String> services,
        long outageMs,
        long allDownMs,
        long degradedMs,
        long serviceOutageMs,
        long serviceDegradedMs,
        long partialMinutes,
        long observedMinutes,
        long noDataMinutes,
        long probes,
        long okProbes,
        int incidents,
        Span longestOutage,
        boolean longestOngoing,
        WorstHour worstHour) {

    public ReportRow {
        services = List.copyOf(services);
    }

    /** Share of probes that passed, in percent; {@code NaN} without probes. */
    public double availabilityPercent() {
        return probes == 0 ? Double.NaN : 100.0 * okProbes / probes;
    }

    /**
     * The worst clock hour of a group.
     *
     * @param start           start of the hour, epoch milliseconds
     * @param outageMs        time in it with at least one service in an outage
     * @param serviceOutageMs outage time in it summed over the services
     */
    public record WorstHour(long start, long outageMs, long serviceOutageMs) {
    }
}
