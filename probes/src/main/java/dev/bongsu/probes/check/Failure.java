package dev.bongsu.probes.check;

import dev.bongsu.model.ErrorClass;

/** A classified failure: its error class and a short detail free of secrets. */
public record Failure(ErrorClass error, String detail) {
}
