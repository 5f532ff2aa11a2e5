package dev.bongsu.model;

/** A service moved from one state to another; published on {@link Addresses#SERVICE_STATES}. */
public record ServiceStateChange(ServiceState previous, ServiceState current) {
}
