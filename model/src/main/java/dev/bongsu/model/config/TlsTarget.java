package dev.bongsu.model.config;

/**
 * A TLS handshake whose certificate must be valid for at least {@code minDaysLeft} more days.
 *
 * @param host        the host
 * @param port        the port
 * @param minDaysLeft fewer days left than this fails the check
 * @param verify      whether the chain and host name must verify
 */
public record TlsTarget(String host, int port, int minDaysLeft, boolean verify) implements CheckTarget {
    @Override
    public String describe() {
        return "tls " + host + ":" + port;
    }
}
