package dev.bongsu.simulator;

/**
 * How the simulator runs its fleet.
 *
 * @param host     the address every service listens on (loopback)
 * @param basePort port of the first service, the others following one by one; 0 for any free ports
 * @param latency  whether answers take a realistic time; {@code false} answers at once (benchmarks)
 * @param seed     seed of the latency draws, so runs are repeatable
 */
public record SimulatorOptions(String host, int basePort, boolean latency, long seed) {
    /** The default seed. */
    public static final long DEFAULT_SEED = 2022_10_15L;

    public SimulatorOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be set");
        }
        if (basePort < 0 || basePort > 65535) {
            throw new IllegalArgumentException("base port must be 0 (any) or 1 to 65535, not " + basePort);
        }
    }

    /** 127.0.0.1, any free ports, realistic latency. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, true, DEFAULT_SEED);
    }

    /** These options with ports from {@code basePort} on (0 for any free ports). */
    public SimulatorOptions withBasePort(int basePort) {
        return new SimulatorOptions(host, basePort, latency, seed);
    }

    /** These options with answers at once, without simulated latency. */
    public SimulatorOptions withoutLatency() {
        return new SimulatorOptions(host, basePort, false, seed);
    }
}
