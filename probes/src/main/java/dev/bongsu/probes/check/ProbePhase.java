package dev.bongsu.probes.check;

import dev.bongsu.model.ErrorClass;

/** Where a probe is, which decides what a timeout means there. */
public enum ProbePhase {
    RESOLVE(ErrorClass.DNS, "name resolution of %s timed out after %d ms"),
    CONNECT(ErrorClass.CONNECT_TIMEOUT, "connect to %s timed out after %d ms"),
    TLS(ErrorClass.TLS, "TLS handshake with %s timed out after %d ms"),
    WAIT_RESPONSE(ErrorClass.READ_TIMEOUT, "no response from %s within %d ms"),
    READ_RESPONSE(ErrorClass.READ_TIMEOUT, "response from %s not complete within %d ms"),
    QUERY(ErrorClass.TIMEOUT, "DNS query %s not answered within %d ms");

    private final ErrorClass onTimeout;
    private final String timeoutDetail;

    ProbePhase(ErrorClass onTimeout, String timeoutDetail) {
        this.onTimeout = onTimeout;
        this.timeoutDetail = timeoutDetail;
    }

    /** The error class of a timeout in this phase. */
    public ErrorClass onTimeout() {
        return onTimeout;
    }

    /** The detail of a timeout in this phase, naming where ({@code host:port}) and the limit. */
    public String timeoutDetail(String where, long timeoutMs) {
        return String.format(timeoutDetail, where, timeoutMs);
    }
}
