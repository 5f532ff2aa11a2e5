package dev.bongsu.model.config;

/** What a check probes, one record per protocol. */
public sealed interface CheckTarget permits HttpTarget, TcpTarget, DnsTarget, TlsTarget, HeartbeatTarget {
    /** A short description for logs (never shown on public pages). */
    String describe();
}
