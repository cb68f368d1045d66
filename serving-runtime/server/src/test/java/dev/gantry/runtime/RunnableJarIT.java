package dev.gantry.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.RedisProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gantry-runtime.jar} with no arguments serves the embedded model (only the port is moved). */
class RunnableJarIT {
    @TempDir
    Path logs;

    @Test
    void theJarServesTheEmbeddedModelWithNoArguments() throws Exception {
        Path jar = Paths.get(System.getProperty("gantry.runtime.jar", "target/gantry-runtime.jar"));
        assertThat(jar).exists();
        int port = RedisProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", "target/djl-cache"),
                "-jar",
                jar.toString());
        builder.environment().put("GANTRY_PORT", Integer.toString(port));
        builder.environment().put("GANTRY_HOST", "127.0.0.1");
        builder.environment().remove("GANTRY_MODEL_DIR");
        builder.redirectErrorStream(true).redirectOutput(logs.resolve("jar.log").toFile());
        Process process = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, process);

            HttpResponse<String> models = Http.get(base + "/v1/models");
            HttpResponse<String> completion = Http.post(
                    base + "/v1/completions",
                    "{\"model\": \"stories260K\", \"prompt\": \"Zoo\", \"max_tokens\": 20, \"temperature\": 0}");

            assertThat(Http.json(models).at("/data/0/id").asText()).isEqualTo("stories260K");
            assertThat(Http.json(completion).at("/choices/0/text").asText())
                    .isEqualTo(" was a little girl named Lily. She loved to play outside in");
            assertThat(Files.readString(logs.resolve("jar.log"))).contains("serving the embedded stories260K model");
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private void awaitReady(String base, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (Http.get(base + "/ready").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            assertThat(process.isAlive())
                    .as(Files.readString(logs.resolve("jar.log")))
                    .isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("not ready: " + Files.readString(logs.resolve("jar.log")));
    }
}
