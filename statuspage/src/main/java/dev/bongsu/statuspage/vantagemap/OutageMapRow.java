package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.LocalizedText;
import java.util.Objects;

/**
 * One public vantage on an outage map.
 *
 * @param vantage its configured name
 * @param name    its display name
 * @param region  its region as configured, or {@code null}
 * @param country its ISO country code, or {@code null} when unknown
 * @param network its network as configured ("KT"), or {@code null}
 * @param state   what it saw
 * @param failed  probes that failed in the window
 * @param total   probes in the window
 */
public record OutageMapRow(String vantage, LocalizedText name, String region, String country, String network,
                           VantageState state, long failed, long total) {
    public OutageMapRow {
        Objects.requireNonNull(vantage, "vantage");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
