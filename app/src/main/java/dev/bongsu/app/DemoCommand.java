package dev.bongsu.app;

import picocli.CommandLine.Command;

/** {@code bongsu demo} (being built). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Demo (being built).")
final class DemoCommand implements Runnable {
    @Override
    public void run() {
        throw new UserException("'demo' is not built yet", 1);
    }
}
