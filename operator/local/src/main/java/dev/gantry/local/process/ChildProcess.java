package dev.gantry.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process local mode started, with its output appended to a log file: stopped as a kubelet stops a container
 * (SIGTERM, then SIGKILL after the grace period), and never left behind with children of its own.
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Instant startedAt;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.startedAt = Instant.now();
    }

    /** Starts {@code command} with exactly {@code environment}, in {@code workDir}, output appended to {@code log}. */
    public static ChildProcess start(
            String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workDir);
            var builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process ended; 128 + n when signal n ended it, as a shell and the kubelet report. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /**
     * SIGTERM, then SIGKILL to the process and everything it started once {@code grace} has passed. Returns when
     * the process is gone.
     */
    public void stop(Duration grace) {
        var descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL to the process and all its descendants, and waits until it is gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
