package dev.gantry.operator.cli;

import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gantry} and {@code kubectl gantry}: the entry point of the command line; each verb is a subcommand.
 * {@code render} needs no cluster; the others read and annotate ModelDeployments and ModelRollouts as kubectl would.
 */
@Command(
        name = "gantry",
        mixinStandardHelpOptions = true,
        versionProvider = GantryCli.Version.class,
        description = {
            "Gantry operator tools. As a kubectl plugin: kubectl gantry <command>.",
            "Manual control of a ModelRollout sets the one-shot annotations of docs/concepts.md; the operator acts on"
                    + " them, removes them and records an Event."
        },
        subcommands = {
            StatusCommand.class,
            PromoteCommand.class,
            AbortCommand.class,
            RetryCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            RenderCommand.class,
            CommandLine.HelpCommand.class
        })
public final class GantryCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Clients clients;
    private final Clock clock;

    public GantryCli() {
        this(Clients.fromKubeconfig(), Clock.systemUTC());
    }

    GantryCli(Clients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    public static void main(String[] args) {
        // The operator's jars bring JBoss logging; without its log manager SLF4J complains on every run.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; for tests and embedding. */
    public static int run(String... args) {
        return new CommandLine(new GantryCli()).execute(args);
    }

    Clients clients() {
        return clients;
    }

    Clock clock() {
        return clock;
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
