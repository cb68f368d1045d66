package dev.gantry.runtime.support;

import dev.gantry.runtime.RuntimeServer;
import dev.gantry.runtime.config.ConfigLoader;
import dev.gantry.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real runtime on a free loopback port, configured through the same environment variables as in production. */
public final class TestServer implements AutoCloseable {
    private final RuntimeServer server;

    private TestServer(RuntimeServer server) {
        this.server = server;
    }

    public static Path modelDir() {
        String dir = System.getProperty("gantry.models.dir");
        // From Maven the working directory is the module; from exec:java or an IDE it may be the repository root.
        Path base = dir != null ? Paths.get(dir) : Paths.get("..", "models");
        if (dir == null && !Files.isDirectory(base)) {
            base = Paths.get("serving-runtime", "models");
        }
        return base.resolve("stories260K").toAbsolutePath().normalize();
    }

    /** Starts with the embedded model on CPU, port 0, plus {@code env} overrides. */
    public static TestServer start(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("GANTRY_MODEL_DIR", modelDir().toString());
        all.put("GANTRY_HOST", "127.0.0.1");
        all.put("GANTRY_PORT", "0");
        all.put("GANTRY_DEVICE", "cpu");
        all.put("GANTRY_REVISION", "rev-test");
        all.put("GANTRY_SHUTDOWN_GRACE", "1s");
        all.putAll(env);
        return new TestServer(RuntimeServer.start(ConfigLoader.load(Settings.from(all, List.of()))));
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public RuntimeServer runtime() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
