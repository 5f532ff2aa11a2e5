package dev.bongsu.model;

import java.util.List;

/** Probe results travelling together on the event bus, from one vantage. */
public record ResultBatch(String vantage, List<ProbeResult> results) {
    public ResultBatch {
        results = List.copyOf(results);
    }
}
