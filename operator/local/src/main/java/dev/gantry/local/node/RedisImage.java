package dev.gantry.local.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redis images run as this machine's {@code redis-server}, with the pod's configuration file and, on the command
 * line (which overrides the file), the loopback host port, {@code bind 127.0.0.1}, no daemonizing, and the file's container paths ({@code dir}, {@code aclfile} ...) mapped to the pod's volumes.
 */
final class RedisImage implements LocalImage {

    private static final Set<String> PATH_DIRECTIVES = Set.of("dir", "aclfile", "pidfile", "unixsocket", "include");

    private final String redisServer;

    RedisImage(String redisServer) {
        this.redisServer = redisServer;
    }

    @Override
    public boolean runs(String image) {
        return LocalImage.repositoryName(image).equals("redis");
    }

    @Override
    public Map<String, Path> files() {
        return Map.of();
    }

    @Override
    public LaunchPlan launch(LaunchRequest request) throws ContainerConfigException {
        var program = Executables.find(redisServer)
                .orElseThrow(() -> new ContainerConfigException(
                        ContainerConfigException.IMAGE_PULL,
                        "redis-server is not installed on this machine (Debian/Ubuntu: apt-get install redis-server)"));
        var given = new ArrayList<String>();
        if (request.command() != null) {
            given.addAll(request.command());
        }
        if (request.args() != null) {
            given.addAll(request.args());
        }
        if (!given.isEmpty() && given.get(0).endsWith("redis-server")) {
            given.remove(0);
        }
        var command = new ArrayList<String>();
        command.add(program.toString());
        int port = 6379;
        for (var arg : given) {
            if (arg.startsWith("/") && Files.isRegularFile(Path.of(arg)) && command.size() == 1) {
                var local = localConfig(Path.of(arg), request.files());
                port = local.port();
                command.add(local.file().toString());
            } else {
                command.add(arg);
            }
        }
        command.addAll(List.of("--port", String.valueOf(request.hostPort(port)), "--bind", "127.0.0.1"));
        command.addAll(List.of("--daemonize", "no"));
        return new LaunchPlan(command, new LinkedHashMap<>(request.environment()));
    }

    /** A configuration file as given, with container paths mapped (Redis checks {@code dir} while reading it). */
    record LocalConfig(Path file, int port) {}

    static LocalConfig localConfig(Path file, PodFilesystem files) throws ContainerConfigException {
        try {
            int port = 6379;
            var lines = new ArrayList<String>();
            for (var line : Files.readAllLines(file)) {
                var parts = line.trim().split("\\s+", 2);
                var directive = parts[0].toLowerCase();
                if (parts.length == 2 && directive.equals("port")) {
                    port = Integer.parseInt(parts[1].trim());
                } else if (parts.length == 2
                        && PATH_DIRECTIVES.contains(directive)
                        && parts[1].trim().startsWith("/")) {
                    line = directive + " " + files.rewrite(parts[1].trim());
                }
                lines.add(line);
            }
            var local = files.dir().resolve("redis-local.conf");
            Files.write(local, lines);
            return new LocalConfig(local, port);
        } catch (IOException | NumberFormatException e) {
            throw new ContainerConfigException(
                    ContainerConfigException.CONFIG_ERROR, "cannot read the Redis configuration " + file + ": " + e);
        }
    }
}
