package dev.bongsu.detector.core;

import dev.bongsu.model.Health;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.ServiceConfig;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** What the detector knows about one service between steps. */
final class ServiceTrack {
    /** The service's settings; replaced when the configuration is reloaded. */
    ServiceConfig config;
    ServiceState state;
    final Deque<Instant> changes = new ArrayDeque<>();
    boolean flapping;
    IncidentDraft incident;
    IncidentDraft lastResolved;
    /** No new incident before this (epoch ms): the service failed while every vantage failed on everything. */
    long quietUntil;
    /** Start of the current failure streak (epoch ms). */
    long onset;
    /** Whether a quorum of vantages has seen it fail on every probe for its confirmation time, up to now. */
    boolean failedLongEnough;
    Set<String> failingVantages = Set.of();
    LocalizedText reason;

    ServiceTrack(ServiceConfig config) {
        this.config = config;
        this.state = new ServiceState(config.id(), Health.UNKNOWN, Instant.EPOCH, null);
    }

    String id() {
        return config.id();
    }

    boolean failing() {
        return state.health() == Health.DOWN || state.health() == Health.DEGRADED;
    }
}
