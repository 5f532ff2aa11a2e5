package dev.bongsu.model.config;

/**
 * A DNS lookup.
 *
 * @param name         the name to resolve (config key {@code query})
 * @param recordType   A, AAAA, CNAME, MX, NS or TXT
 * @param resolverHost a DNS server to ask, or {@code null} for the system's
 * @param resolverPort its port
 */
public record DnsTarget(String name, String recordType, String resolverHost, int resolverPort) implements CheckTarget {
    @Override
    public String describe() {
        return "dns " + recordType + " " + name + (resolverHost == null ? "" : " @" + resolverHost + ":" + resolverPort);
    }
}
