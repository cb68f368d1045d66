package dev.gantry.local;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.local.cluster.EventLog;
import dev.gantry.local.traffic.Traffic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code java -jar operator/local/target/gantry-local.jar}: the whole of Gantry on this machine until Ctrl-C, which
 * stops every process it started.
 */
public final class LocalMode {

    private LocalMode() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(LocalOptions.USAGE);
            return;
        }
        var out = System.out;
        LocalOptions options;
        try {
            options = LocalOptions.parse(Arrays.asList(args), LocalOptions.findRoot());
        } catch (RuntimeException e) {
            System.err.println("gantry-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        logTo(options);
        out.println("Starting Gantry local mode in " + options.root() + " ...");
        LocalCluster cluster;
        try {
            cluster = LocalCluster.start(options);
        } catch (RuntimeException e) {
            System.err.println("gantry-local: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        var running = new Running(cluster, out);
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "gantry-local-shutdown"));
        var model = cluster.applied().stream()
                .filter(o -> o instanceof ModelDeployment || ModelDeployment.KIND.equals(o.getKind()))
                .map(o -> o.getMetadata().getName())
                .findFirst()
                .orElse("<name>");
        Banner.print(out, cluster, model);
        running.follow(options, model);
        new CountDownLatch(1).await();
    }

    /** What runs until Ctrl-C, and the order it stops in. */
    private static final class Running {
        private final LocalCluster cluster;
        private final PrintStream out;
        private EventLog events;
        private Traffic traffic;

        Running(LocalCluster cluster, PrintStream out) {
            this.cluster = cluster;
            this.out = out;
        }

        void follow(LocalOptions options, String model) {
            events = EventLog.follow(cluster.client(), out);
            var waiter = new Thread(() -> whenServing(options, model), "wait-for-model");
            waiter.setDaemon(true);
            waiter.start();
        }

        /** Once the model answers through the gateway: say so, and start the background traffic if asked. */
        private void whenServing(LocalOptions options, String model) {
            var probe = new ServingProbe(cluster.gatewayUrl());
            if (!probe.await(java.time.Duration.ofMinutes(5))) {
                out.println("The model does not answer yet; see kubectl describe md " + model + " and the logs.");
                return;
            }
            out.println("The model answers at " + cluster.gatewayUrl() + "/v1/completions.");
            if (options.traffic() > 0) {
                traffic = Traffic.start(cluster.gatewayUrl(), options.traffic(), false);
                out.printf("Sending %.1f requests per second through the gateway.%n", options.traffic());
            }
        }

        void stop() {
            out.println("\nStopping Gantry local mode ...");
            if (traffic != null) {
                traffic.close();
                out.printf(
                        "traffic: %d requests, %d failed%n",
                        traffic.count(), traffic.failures().size());
            }
            if (events != null) {
                events.close();
            }
            cluster.close();
            out.println("Stopped; no process left behind.");
        }
    }

    /** Everything logged goes to {@code <state dir>/local-mode.log}; the console keeps the banner and the Events. */
    private static void logTo(LocalOptions options) throws IOException {
        Files.createDirectories(options.stateDir());
        LogManager.getLogManager().reset();
        var file = new FileHandler(options.stateDir().resolve("local-mode.log").toString(), false);
        file.setFormatter(new SimpleFormatter());
        var root = Logger.getLogger("");
        root.addHandler(file);
        root.setLevel(Level.INFO);
        Logger.getLogger("io.fabric8.mockwebserver").setLevel(Level.WARNING);
    }
}
