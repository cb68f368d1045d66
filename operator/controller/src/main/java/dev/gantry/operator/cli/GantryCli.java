package dev.gantry.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gantry}: the entry point of the command line; each verb is a subcommand. */
@Command(
        name = "gantry",
        mixinStandardHelpOptions = true,
        versionProvider = GantryCli.Version.class,
        description = "Gantry operator tools.",
        subcommands = {RenderCommand.class, CommandLine.HelpCommand.class})
public final class GantryCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The operator's jars bring JBoss logging; without its log manager SLF4J complains on every run.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; for tests and embedding. */
    public static int run(String... args) {
        return new CommandLine(new GantryCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = GantryCli.class.getPackage().getImplementationVersion();
            return new String[] {"gantry " + (version == null ? "dev" : version)};
        }
    }
}
