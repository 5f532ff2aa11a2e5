package dev.bongsu.model.config;

/**
 * A place probes run from.
 *
 * @param name   its name, e.g. {@code seoul-kt}
 * @param region where it is, e.g. {@code kr-seoul}, or {@code null}
 */
public record VantageConfig(String name, String region) {
}
