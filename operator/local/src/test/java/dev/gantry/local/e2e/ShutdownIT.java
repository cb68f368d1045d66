package dev.gantry.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.local.process.LoopbackPorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher as a person runs it: {@code java -jar gantry-local.jar}, then Ctrl-C. */
class ShutdownIT {

    private static final Pattern GATEWAY = Pattern.compile("Gateway\\s+http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern API = Pattern.compile("Kubernetes API\\s+http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void ctrlCStopsEveryProcessItStartedAndFreesItsPorts() throws Exception {
        var jar = System.getProperty("gantry.local.jar", "target/gantry-local.jar");
        var java = ProcessHandle.current().info().command().orElse("java");
        var stateDir = LocalModeFixture.root().resolve("operator/local/target/e2e/shutdown-it");
        // SIGINT as a terminal delivers it, even when this JVM was started with SIGINT ignored (in the background).
        var launcher = new ProcessBuilder(
                        "env",
                        "--default-signal=INT",
                        java,
                        "-jar",
                        jar,
                        "--gateway-port=0",
                        "--api-port=0",
                        "--operator-port=0",
                        "--state-dir=" + stateDir,
                        "--restart-backoff=2s")
                .directory(LocalModeFixture.root().toFile())
                .redirectErrorStream(true)
                .start();
        var output = new CopyOnWriteArrayList<String>();
        var reader = new Thread(() -> read(launcher, output));
        reader.setDaemon(true);
        reader.start();
        try {
            await(output, "The model answers at", 120);
            var ports = List.of(port(output, GATEWAY), port(output, API));
            var children = launcher.descendants().toList();
            assertThat(children.stream().map(p -> p.info().command().orElse("")))
                    .as("operator, two runtimes and Redis")
                    .hasSizeGreaterThanOrEqualTo(4)
                    .anyMatch(c -> c.contains("redis"));
            ports.forEach(p -> assertThat(LoopbackPorts.listening(p)).isTrue());

            new ProcessBuilder("sh", "-c", "kill -INT " + launcher.pid())
                    .start()
                    .waitFor();

            assertThat(launcher.waitFor(60, TimeUnit.SECONDS))
                    .as("the launcher exits")
                    .isTrue();
            assertThat(children)
                    .allSatisfy(child -> assertThat(child.isAlive())
                            .as(
                                    "process %s (%s)",
                                    child.pid(), child.info().commandLine().orElse(""))
                            .isFalse());
            ports.forEach(
                    p -> assertThat(LoopbackPorts.listening(p)).as("port %d", p).isFalse());
            assertThat(String.join("\n", output))
                    .as("the banner: where the model answers, a constrained request, a rollout, a failing one")
                    .contains("Gateway         http://127.0.0.1:" + ports.get(0))
                    .contains("http://127.0.0.1:" + ports.get(0) + "/generate")
                    .contains("\"response_format\": {\"type\": \"json_schema\"")
                    .contains("kubectl patch md stories --type merge")
                    .contains("GANTRY_FAULT_ERROR_RATE")
                    .contains("kubectl-gantry status stories")
                    .contains("Stopped; no process left behind.");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static void read(Process process, List<String> output) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
            }
        } catch (Exception e) {
            output.add("(output closed: " + e + ")");
        }
    }

    private static void await(List<String> output, String text, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 10; i++) {
            if (output.stream().anyMatch(line -> line.contains(text))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' within " + seconds + "s; output:\n" + String.join("\n", output));
    }

    private static int port(List<String> output, Pattern pattern) {
        for (var line : output) {
            var matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no " + pattern + " in the output");
    }
}
