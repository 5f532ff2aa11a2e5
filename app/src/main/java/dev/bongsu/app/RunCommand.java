package dev.bongsu.app;

import picocli.CommandLine.Command;

/** {@code bongsu run} (being built). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run (being built).")
final class RunCommand implements Runnable {
    @Override
    public void run() {
        throw new UserException("'run' is not built yet", 1);
    }
}
