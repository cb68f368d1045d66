package dev.gantry.runtime;

import dev.gantry.runtime.config.ConfigException;
import dev.gantry.runtime.config.ConfigLoader;
import dev.gantry.runtime.config.RuntimeConfig;
import dev.gantry.runtime.config.Settings;
import dev.gantry.runtime.download.DownloadCommand;
import dev.gantry.runtime.logging.LogSetup;
import java.util.Arrays;
import java.util.List;

/** {@code gantry-runtime [serve] [--flag=value ...]} and {@code gantry-runtime download --uri ... --target ...}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Before any logger exists: keep logging alive while the shutdown hook drains.
        System.setProperty("java.util.logging.manager", "dev.gantry.runtime.logging.ShutdownSafeLogManager");
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "serve" : arguments.get(0);
        List<String> rest = arguments.isEmpty() || arguments.get(0).startsWith("--")
                ? arguments
                : arguments.subList(1, arguments.size());
        switch (command) {
            case "serve" -> serve(rest);
            case "download" -> {
                LogSetup.configure(System.getenv().getOrDefault("GANTRY_LOG_FORMAT", "text"), null, "none");
                System.exit(DownloadCommand.run(rest, System.getenv()));
            }
            case "help", "-h", "--help" -> usage(0);
            default -> {
                System.err.println("unknown command '" + command + "'");
                usage(2);
            }
        }
    }

    private static void serve(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            usage(0);
        }
        RuntimeConfig config;
        try {
            config = ConfigLoader.load(Settings.from(System.getenv(), args));
        } catch (ConfigException e) {
            System.err.println("gantry-runtime: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogSetup.configure(config.logFormat(), config.deployment(), config.revision());
        RuntimeServer server;
        try {
            server = RuntimeServer.start(config);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("cannot start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "gantry-shutdown"));
    }

    private static void usage(int status) {
        System.out.println("""
                usage: gantry-runtime [serve] [--flag=value ...]
                       gantry-runtime download --uri=hf://org/name[@revision]|https://... --target=DIR [--sha256=HEX]

                With no arguments the runtime serves the embedded stories260K model on port 8080.
                Settings come from GANTRY_* environment variables or the matching flags
                (GANTRY_MAX_BATCH_SIZE is --max-batch-size); see docs/runtime-config.md.""");
        System.exit(status);
    }
}
