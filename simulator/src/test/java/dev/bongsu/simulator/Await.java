package dev.bongsu.simulator;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a future in a test, with a deadline. */
final class Await {
    private Await() {
    }

    /** The future's result within 10 s; its failure is rethrown, a timeout fails the test. */
    static <T> T result(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 10s", e);
        }
    }
}
