package dev.gantry.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Local mode's settings, from the command line ({@code --gateway-port=18080} ...). Port 0 picks a free port (the
 * tests do); the fixed defaults are for people, so that the printed commands keep working from one run to the next.
 *
 * @param root the repository (crds/, examples/, the built jars)
 * @param stateDir kubeconfig, logs, pods' files; {@code .cache/local} in the repository
 * @param manifests what to apply once the operator runs; empty for nothing
 * @param namespace where manifests without a namespace go, and the kubeconfig's namespace
 * @param traffic requests per second sent through the gateway in the background (0: none)
 */
public record LocalOptions(
        Path root,
        Path stateDir,
        int apiPort,
        int gatewayPort,
        int operatorPort,
        Optional<Path> manifests,
        String namespace,
        double traffic,
        Duration restartBackoff,
        String redisServer) {

    public static final int API_PORT = 16443;
    public static final int GATEWAY_PORT = 18080;
    public static final int OPERATOR_PORT = 18081;

    static final String USAGE = """
            usage: gantry-local [--gateway-port=18080] [--api-port=16443] [--operator-port=18081]
                                [--apply=examples/local | --no-apply] [--namespace=default]
                                [--traffic=RPS] [--restart-backoff=5s] [--state-dir=.cache/local]

            Runs the Gantry operator and its serving runtime on this machine, on an embedded Kubernetes API
            server, with a local node agent and gateway; applies examples/local/ and prints how to use it.
            Ctrl-C stops everything. See docs/local-mode.md.""";

    public static LocalOptions defaults(Path root) {
        return new LocalOptions(
                root,
                root.resolve(".cache/local"),
                API_PORT,
                GATEWAY_PORT,
                OPERATOR_PORT,
                Optional.of(root.resolve("examples/local")),
                "default",
                0,
                Duration.ofSeconds(5),
                "redis-server");
    }

    static LocalOptions parse(List<String> args, Path root) {
        var options = defaults(root);
        for (var arg : args) {
            var parts = arg.split("=", 2);
            var value = parts.length == 2 ? parts[1] : "";
            options = switch (parts[0]) {
                case "--gateway-port" -> options.withPorts(options.apiPort(), port(value), options.operatorPort());
                case "--api-port" -> options.withPorts(port(value), options.gatewayPort(), options.operatorPort());
                case "--operator-port" -> options.withPorts(options.apiPort(), options.gatewayPort(), port(value));
                case "--apply" -> options.withManifests(Optional.of(root.resolve(value)));
                case "--no-apply" -> options.withManifests(Optional.empty());
                case "--namespace" -> options.withNamespace(value);
                case "--traffic" -> options.withTraffic(Double.parseDouble(value));
                case "--restart-backoff" -> options.withRestartBackoff(Duration.parse("PT" + value.toUpperCase()));
                case "--state-dir" -> options.withStateDir(root.resolve(value));
                case "--redis-server" -> options.withRedisServer(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n\n" + USAGE);
            };
        }
        return options;
    }

    public LocalOptions withPorts(int api, int gateway, int operator) {
        return new LocalOptions(
                root, stateDir, api, gateway, operator, manifests, namespace, traffic, restartBackoff, redisServer);
    }

    public LocalOptions withManifests(Optional<Path> value) {
        return new LocalOptions(
                root,
                stateDir,
                apiPort,
                gatewayPort,
                operatorPort,
                value,
                namespace,
                traffic,
                restartBackoff,
                redisServer);
    }

    public LocalOptions withNamespace(String value) {
        return new LocalOptions(
                root,
                stateDir,
                apiPort,
                gatewayPort,
                operatorPort,
                manifests,
                value,
                traffic,
                restartBackoff,
                redisServer);
    }

    public LocalOptions withTraffic(double value) {
        return new LocalOptions(
                root,
                stateDir,
                apiPort,
                gatewayPort,
                operatorPort,
                manifests,
                namespace,
                value,
                restartBackoff,
                redisServer);
    }

    public LocalOptions withRestartBackoff(Duration value) {
        return new LocalOptions(
                root, stateDir, apiPort, gatewayPort, operatorPort, manifests, namespace, traffic, value, redisServer);
    }

    public LocalOptions withStateDir(Path value) {
        return new LocalOptions(
                root,
                value,
                apiPort,
                gatewayPort,
                operatorPort,
                manifests,
                namespace,
                traffic,
                restartBackoff,
                redisServer);
    }

    public LocalOptions withRedisServer(String value) {
        return new LocalOptions(
                root,
                stateDir,
                apiPort,
                gatewayPort,
                operatorPort,
                manifests,
                namespace,
                traffic,
                restartBackoff,
                value);
    }

    public Path runtimeJar() {
        return root.resolve("serving-runtime/server/target/gantry-runtime.jar");
    }

    public Path operatorApp() {
        return root.resolve("operator/controller/target/quarkus-app");
    }

    public Path kubeconfig() {
        return stateDir.resolve("kubeconfig");
    }

    /** The repository: {@code -Dgantry.root}, else above the launcher jar or the working directory, where crds/ is. */
    static Path findRoot() {
        var configured = System.getProperty("gantry.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        var starts = new java.util.ArrayList<Path>();
        try {
            starts.add(Path.of(LocalOptions.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        } catch (Exception e) {
            // no code source: the working directory will do
        }
        starts.add(Path.of("").toAbsolutePath());
        for (var start : starts) {
            for (var dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("crds")) && Files.isDirectory(dir.resolve("operator"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("cannot find the Gantry repository (crds/ and operator/); run from inside it");
    }

    private static int port(String value) {
        return Integer.parseInt(value);
    }
}
