package dev.bongsu.app;

import picocli.CommandLine.Command;

/** {@code bongsu simulate} (being built). */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Simulate (being built).")
final class SimulateCommand implements Runnable {
    @Override
    public void run() {
        throw new UserException("'simulate' is not built yet", 1);
    }
}
