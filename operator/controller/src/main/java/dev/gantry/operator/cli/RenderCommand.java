package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.modeldeployment.validation.SpecValidator;
import dev.gantry.operator.render.Manifests;
import dev.gantry.operator.render.ModelDeploymentRenderer;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.render.RenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gantry render}: the manifests the operator would apply for each ModelDeployment in a file, without a
 * cluster, through the very functions the reconciler uses.
 */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Print the manifests the operator would apply for the ModelDeployments in a file.",
            "No cluster is contacted: every revision is new, so all traffic goes to it, and the managed Redis"
                    + " password is a placeholder (the operator generates the real one once)."
        })
final class RenderCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-f", "--filename"},
            required = true,
            description = "ModelDeployment YAML file, or - for standard input.")
    String file;

    @Option(
            names = {"-n", "--namespace"},
            description = "Namespace when the file names none (default: ${DEFAULT-VALUE}).",
            defaultValue = "default")
    String namespace;

    @Option(names = "--runtime-image", description = "Default CPU runtime image (gantry.runtime.image).")
    String runtimeImage;

    @Option(names = "--gpu-runtime-image", description = "Default CUDA runtime image (gantry.runtime.gpu-image).")
    String gpuRuntimeImage;

    @Option(names = "--runtime-log-format", description = "json or text (gantry.runtime.log-format).")
    String runtimeLogFormat;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var defaults = defaults();
        var deployments = Manifests.readModelDeployments(read());
        if (deployments.isEmpty()) {
            err.println("error: " + file + " holds no ModelDeployment");
            return 1;
        }
        int exit = 0;
        for (var md : deployments) {
            if (md.getMetadata().getNamespace() == null) {
                md.getMetadata().setNamespace(namespace);
            }
            exit = Math.max(exit, render(md, defaults, out, err));
        }
        out.flush();
        return exit;
    }

    private int render(
            ModelDeployment md, OperatorDefaults defaults, java.io.PrintWriter out, java.io.PrintWriter err) {
        var id = md.getMetadata().getNamespace() + "/" + md.getMetadata().getName();
        var problems = SpecValidator.validate(md, defaults);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: ModelDeployment " + id + ": " + p.describe()));
            err.println("error: the operator would apply nothing for " + id + " and report Ready=False, InvalidSpec");
            return 1;
        }
        var revision = ModelDeploymentRenderer.currentRevision(md, defaults);
        var state = ModelDeploymentRenderer.render(md, RenderContext.offline(defaults, revision));
        out.println("# ModelDeployment " + id + ", revision " + revision + ": "
                + state.all().size()
                + " objects. The operator adds ownerReferences to the ModelDeployment when it applies them.");
        out.print(Manifests.toYaml(state.all()));
        return 0;
    }

    private OperatorDefaults defaults() {
        var loaded = DefaultsLoader.load(System.getenv());
        return new OperatorDefaults(
                Optional.ofNullable(runtimeImage).orElse(loaded.runtimeImage()),
                Optional.ofNullable(gpuRuntimeImage).orElse(loaded.gpuRuntimeImage()),
                Optional.ofNullable(runtimeLogFormat).orElse(loaded.runtimeLogFormat()),
                loaded.hfEndpoint());
    }

    private String read() throws IOException {
        if ("-".equals(file)) {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(file));
    }
}
