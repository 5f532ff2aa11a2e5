package dev.bongsu.model.config;

/** A TCP connect to host:port. */
public record TcpTarget(String host, int port) implements CheckTarget {
    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }
}
