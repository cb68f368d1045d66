package dev.gantry.local.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The serving-runtime image, built here as its Dockerfile builds it: the runnable jar
 * ({@code serving-runtime/server/target/gantry-runtime.jar}) with the PyTorch natives unpacked once into
 * {@code /opt/gantry/pytorch}, the repository's {@code serving-runtime/models} as {@code /opt/gantry/models}, and the
 * image's environment. Any image named {@code gantry-runtime} runs it.
 */
final class RuntimeImage implements LocalImage {

    private static final String NATIVES = "pytorch/cpu/linux-x86_64/";
    private static final String JNI = "jnilib/linux-x86_64/cpu/libdjl_torch.so";

    private final String javaCommand;
    private final Path jar;
    private final Path natives;
    private final Path models;

    RuntimeImage(String java, Path jar, Path imageDir, Path models) {
        this.javaCommand = java;
        this.jar = jar;
        this.natives = imageDir.resolve("pytorch");
        this.models = models;
    }

    @Override
    public boolean runs(String image) {
        return LocalImage.repositoryName(image).startsWith("gantry-runtime");
    }

    @Override
    public Map<String, Path> files() {
        return Map.of("/opt/gantry/models", models, "/opt/gantry/pytorch", natives);
    }

    /** Unpacks the natives from the jar, as the image build does, unless a copy from this jar exists. */
    void build() {
        var marker = natives.resolve(".from-jar");
        try {
            var stamp = Files.getLastModifiedTime(jar).toMillis() + "";
            if (Files.exists(marker) && Files.readString(marker).equals(stamp)) {
                return;
            }
            Files.createDirectories(natives);
            try (var zip = new ZipFile(jar.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    var name = entry.getName();
                    boolean wanted = (name.startsWith(NATIVES) && !entry.isDirectory()) || name.equals(JNI);
                    if (wanted) {
                        var target = natives.resolve(name.substring(name.lastIndexOf('/') + 1));
                        try (var in = zip.getInputStream(entry)) {
                            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Files.writeString(marker, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PyTorch natives from " + jar, e);
        }
    }

    @Override
    public LaunchPlan launch(LaunchRequest request) throws ContainerConfigException {
        if (!Files.isRegularFile(jar)) {
            throw new ContainerConfigException(
                    ContainerConfigException.IMAGE_PULL, "no runtime jar at " + jar + "; build it with ./mvnw install");
        }
        var env = new LinkedHashMap<String, String>();
        env.put("PYTORCH_LIBRARY_PATH", natives.toString());
        env.put("PYTORCH_VERSION", "2.7.1");
        env.put("PYTORCH_FLAVOR", "cpu");
        env.put("DJL_CACHE_DIR", request.files().local("/tmp").resolve("djl").toString());
        env.put("DJL_OFFLINE", "true");
        env.put("OPT_OUT_TRACKING", "true");
        env.putAll(request.environment());
        int containerPort = Integer.parseInt(env.getOrDefault("GANTRY_PORT", "8080"));
        env.put("GANTRY_PORT", String.valueOf(request.hostPort(containerPort)));
        env.put("GANTRY_HOST", "127.0.0.1");

        var command = new ArrayList<String>();
        command.add(javaCommand);
        command.add(heap(request));
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.io.tmpdir=" + request.files().local("/tmp"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments(request));
        return new LaunchPlan(command, env);
    }

    /** {@code command} replaces the image's entrypoint ({@code gantry-runtime} is the runtime itself); args its CMD. */
    private static List<String> arguments(LaunchRequest request) {
        var result = new ArrayList<String>();
        var command = request.command();
        if (command != null && command.size() > 1) {
            result.addAll(command.subList(1, command.size()));
        }
        result.addAll(request.args() == null ? List.of("serve") : request.args());
        return result.stream().map(arg -> hostFlag(arg, request)).toList();
    }

    private static String hostFlag(String arg, LaunchRequest request) {
        if (arg.startsWith("--port=")) {
            return "--port=" + request.hostPort(Integer.parseInt(arg.substring(7)));
        }
        return arg.startsWith("--host=") ? "--host=127.0.0.1" : arg;
    }

    /** The image caps the heap at 25% of the container's memory; without a limit, 1 GiB. */
    private static String heap(LaunchRequest request) {
        long bytes = request.memoryLimitBytes().orElse(4L << 30) / 4;
        return "-Xmx" + Math.max(256, bytes >> 20) + "m";
    }
}
