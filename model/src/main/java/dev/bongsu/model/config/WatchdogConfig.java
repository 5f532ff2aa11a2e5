package dev.bongsu.model.config;

import java.time.Duration;

/**
 * The top-level {@code watchdog} section: a signed "alive" call to an outside dead man's switch every {@code every}.
 *
 * @param url     where the call goes
 * @param secret  HMAC secret the call is signed with, or {@code null}
 * @param every   time between two calls
 * @param timeout limit on one call
 */
public record WatchdogConfig(String url, String secret, Duration every, Duration timeout) {
    @Override
    public String toString() {
        return "WatchdogConfig[url=(hidden), every=" + every + ", timeout=" + timeout + "]";
    }
}
