package dev.bongsu.app;

import dev.bongsu.model.OperatorError;
import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.store.NewerSchemaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bongsu} command line. */
@Command(name = "bongsu",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Real-time service health and correlated outage detection.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            SimulateCommand.class,
            CheckConfigCommand.class,
            ReloadCommand.class,
            SilenceCommand.class,
            AckCommand.class,
            EvaluateCommand.class,
            ProbeCommand.class,
            ServerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit status for an invalid configuration or invalid arguments. */
    public static final int EXIT_CONFIG = 2;
    /** Exit status for a bug: an unexpected exception. */
    public static final int EXIT_INTERNAL = 70;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        Logging.configure();
        int status;
        try {
            status = commandLine().execute(args);
        } catch (Throwable e) {
            System.err.println("bongsu: internal error (please report it with the lines below): " + e);
            e.printStackTrace();
            status = EXIT_INTERNAL;
        }
        System.exit(status);
    }

    /** The command line with Bongsu's error handling, for main and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("bongsu: invalid configuration: " + e.getMessage());
                return EXIT_CONFIG;
            }
            if (e instanceof UserException) {
                commandLine.getErr().println("bongsu: " + e.getMessage());
                return ((UserException) e).exitCode();
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NewerSchemaException) {
                    // a database from a newer Bongsu: like an invalid configuration, restarting cannot help
                    commandLine.getErr().println("bongsu: " + t.getMessage());
                    return EXIT_CONFIG;
                }
            }
            if (e instanceof OperatorError) {
                commandLine.getErr().println("bongsu: " + e.getMessage());
                return 1;
            }
            commandLine.getErr().println("bongsu: internal error (please report it with the lines below): " + e);
            e.printStackTrace(commandLine.getErr());
            return EXIT_INTERNAL;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("bongsu: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_CONFIG;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version, commit and build time of this build ({@link BuildInfo}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().line()};
        }
    }
}
