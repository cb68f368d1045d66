package dev.gantry.operator.cli;

import dev.gantry.operator.render.Durations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl gantry status NAME [--watch]}: a ModelDeployment, the rollout driving it and the tree of its
 * revisions and pods, like {@code kubectl argo rollouts get}. With {@code --watch} it reprints on every change until
 * interrupted (or {@code --timeout}).
 */
@Command(
        name = "status",
        aliases = "get",
        mixinStandardHelpOptions = true,
        description = {
            "Show a ModelDeployment (or the one a ModelRollout targets): health, the rollout's phase, steps and"
                    + " measurements, and the tree of revisions and pods with their traffic."
        })
final class StatusCommand implements Callable<Integer> {

    /** Clears the terminal between renderings, as watch(1) does. */
    private static final String CLEAR = "\033[H\033[2J";

    @ParentCommand
    GantryCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "NAME", description = "ModelDeployment or ModelRollout.")
    String name;

    @Option(
            names = {"-w", "--watch"},
            description = "Keep watching; print again whenever something changes.")
    boolean watch;

    @Option(
            names = "--interval",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "How often --watch looks (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--timeout",
            converter = DurationConverter.class,
            description = "Stop watching after this long (default: until interrupted).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try (var client = cli.clients().connect(cluster)) {
            var namespace = cluster.namespace(client);
            if (!watch) {
                out.print(render(client, namespace));
                out.flush();
                return 0;
            }
            watch(client, namespace, out);
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (KubernetesClientException e) {
            err.println("error: " + Errors.describe(e));
            err.flush();
            return 1;
        }
    }

    private void watch(KubernetesClient client, String namespace, PrintWriter out) throws InterruptedException {
        boolean terminal = System.console() != null;
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            String text;
            try {
                text = render(client, namespace);
            } catch (CliException e) {
                text = "error: " + e.getMessage() + "\n";
            }
            if (!text.equals(last)) {
                out.print(terminal ? CLEAR : last == null ? "" : "\n");
                out.print(text);
                out.flush();
                last = text;
            }
            if (System.nanoTime() >= deadline) {
                return;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private String render(KubernetesClient client, String namespace) {
        return StatusView.render(
                StatusSnapshot.read(client, namespace, name), cli.clock().instant());
    }

    /** "2s", "500ms", "5m", as the CRDs write durations. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value);
        }
    }
}
