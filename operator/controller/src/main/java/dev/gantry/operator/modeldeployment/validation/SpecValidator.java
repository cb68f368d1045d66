package dev.gantry.operator.modeldeployment.validation;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.Device;
import dev.gantry.api.v1alpha1.deployment.ModelFormat;
import dev.gantry.api.v1alpha1.deployment.RuntimeSpec;
import dev.gantry.operator.modeldeployment.status.Reason;
import dev.gantry.operator.render.Names;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.render.RoutingObjects;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks what the CRD schema cannot: rules that depend on operator configuration or span unrelated fields.
 * Pure: the render command runs it too.
 */
public final class SpecValidator {

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern URI_SCHEMES = Pattern.compile(
            "^(pvc://[a-z0-9]([-a-z0-9.]*[a-z0-9])?(/.*)?|hf://[A-Za-z0-9][-A-Za-z0-9_.]*/[A-Za-z0-9][-A-Za-z0-9_.]*(@[-A-Za-z0-9_./]+)?|https://[^\\s]+|file:///[^\\s]*)$");
    private static final Pattern INT_OR_PERCENT = Pattern.compile("^[0-9]+%?$");
    private static final List<String> ARCHIVES = List.of(".tar.gz", ".tgz", ".zip");

    private SpecValidator() {}

    public static List<SpecProblem> validate(ModelDeployment md, OperatorDefaults defaults) {
        var problems = new ArrayList<SpecProblem>();
        name(md.getMetadata().getName(), problems);
        var spec = md.getSpec();
        if (spec == null || spec.getModel() == null || spec.getModel().getUri() == null) {
            problems.add(invalid("spec.model.uri", "is required"));
            return problems;
        }
        model(md, problems);
        format(md, defaults, problems);
        device(spec.getRuntime() == null ? new RuntimeSpec() : spec.getRuntime(), defaults, problems);
        routes(md, problems);
        if (spec.getUpdateStrategy() != null) {
            intOrPercent(
                    "spec.updateStrategy.maxSurge", spec.getUpdateStrategy().getMaxSurge(), problems);
            intOrPercent(
                    "spec.updateStrategy.maxUnavailable",
                    spec.getUpdateStrategy().getMaxUnavailable(),
                    problems);
        }
        return problems;
    }

    private static void name(String name, List<SpecProblem> problems) {
        if (name.length() > Names.MAX_NAME_LENGTH) {
            problems.add(invalid(
                    "metadata.name",
                    "is " + name.length() + " characters; at most " + Names.MAX_NAME_LENGTH
                            + " fit, because each revision's Service is named <name>-<10-character revision>"));
        } else if (!DNS_LABEL.matcher(name).matches()) {
            problems.add(invalid(
                    "metadata.name",
                    "must start with a letter and hold only lowercase letters, digits and '-', because it names"
                            + " Services"));
        }
    }

    private static void model(ModelDeployment md, List<SpecProblem> problems) {
        var model = md.getSpec().getModel();
        loadable("spec.model.uri", model.getUri(), problems);
        if (model.getTokenizerUri() != null) {
            if (!URI_SCHEMES.matcher(model.getTokenizerUri()).matches()) {
                problems.add(invalid(
                        "spec.model.tokenizerUri",
                        "must be a pvc://, hf://, https:// or file:/// location like spec.model.uri: "
                                + model.getTokenizerUri()));
            } else {
                loadable("spec.model.tokenizerUri", model.getTokenizerUri(), problems);
            }
        }
    }

    /** An https:// model must be an archive the download command can unpack. */
    private static void loadable(String field, String uri, List<SpecProblem> problems) {
        if (!uri.toLowerCase(Locale.ROOT).startsWith("https://")) {
            return;
        }
        String path;
        try {
            path = URI.create(uri).getPath();
        } catch (IllegalArgumentException e) {
            problems.add(invalid(field, "is not a valid URL: " + e.getMessage()));
            return;
        }
        var lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (ARCHIVES.stream().noneMatch(lower::endsWith)) {
            problems.add(invalid(
                    field, "the runtime downloads https:// models as .tar.gz, .tgz or .zip archives; got " + uri));
        }
    }

    /** The bundled runtime serves safetensors only (docs/runtime-config.md); a custom image may serve more. */
    private static void format(ModelDeployment md, OperatorDefaults defaults, List<SpecProblem> problems) {
        var runtime = md.getSpec().getRuntime();
        var image = runtime == null ? null : runtime.getImage();
        boolean bundled =
                image == null || image.equals(defaults.runtimeImage()) || image.equals(defaults.gpuRuntimeImage());
        if (bundled && md.getSpec().getModel().getFormat() == ModelFormat.TorchScript) {
            problems.add(invalid(
                    "spec.model.format",
                    "TorchScript is not served by the bundled runtime image, which loads Safetensors only; convert"
                            + " the model or set spec.runtime.image to a runtime that serves TorchScript"));
        }
    }

    private static void device(RuntimeSpec runtime, OperatorDefaults defaults, List<SpecProblem> problems) {
        if (runtime.getDevice() == Device.GPU) {
            var image = runtime.getImage();
            if (image != null && image.equals(defaults.runtimeImage()) && !image.equals(defaults.gpuRuntimeImage())) {
                problems.add(invalid(
                        "spec.runtime.image",
                        image + " is the CPU-only runtime image but spec.runtime.device is GPU; use "
                                + defaults.gpuRuntimeImage() + " or remove spec.runtime.image"));
            }
        } else if (gpuCount(runtime).signum() > 0) {
            problems.add(invalid(
                    "spec.runtime.resources",
                    "requests nvidia.com/gpu but spec.runtime.device is CPU; set spec.runtime.device: GPU"));
        }
    }

    private static BigDecimal gpuCount(RuntimeSpec runtime) {
        var resources = runtime.getResources();
        if (resources == null) {
            return BigDecimal.ZERO;
        }
        var total = BigDecimal.ZERO;
        for (var map : List.of(
                resources.getLimits() == null ? java.util.Map.<String, Quantity>of() : resources.getLimits(),
                resources.getRequests() == null ? java.util.Map.<String, Quantity>of() : resources.getRequests())) {
            var quantity = map.get("nvidia.com/gpu");
            if (quantity != null) {
                total = total.max(quantity.getNumericalAmount());
            }
        }
        return total;
    }

    private static void routes(ModelDeployment md, List<SpecProblem> problems) {
        var ingress = md.getSpec().getIngress();
        var gateway = md.getSpec().getGateway();
        if (ingress != null && ingress.getAnnotations() != null) {
            ingress.getAnnotations().keySet().stream()
                    .filter(key -> key.startsWith(RoutingObjects.CANARY_ANNOTATION))
                    .forEach(key -> problems.add(invalid(
                            "spec.ingress.annotations",
                            key + " is set by the operator on the canary Ingress of a ModelRollout; remove it")));
        }
        if (ingress != null && gateway != null) {
            var hostnames = gateway.getHostnames();
            if (hostnames != null && !hostnames.isEmpty() && !hostnames.contains(ingress.getHost())) {
                problems.add(invalid(
                        "spec.gateway.hostnames",
                        "does not include spec.ingress.host " + ingress.getHost()
                                + ": the Ingress and the HTTPRoute must serve the same host"));
            }
            if (!ingress.getPath().equals(gateway.getPath())) {
                problems.add(invalid(
                        "spec.gateway.path",
                        gateway.getPath() + " differs from spec.ingress.path " + ingress.getPath()
                                + ": the Ingress and the HTTPRoute must serve the same path"));
            }
        }
    }

    private static void intOrPercent(String field, IntOrString value, List<SpecProblem> problems) {
        if (value != null
                && value.getStrVal() != null
                && !INT_OR_PERCENT.matcher(value.getStrVal()).matches()) {
            problems.add(invalid(field, "must be a number of pods or a percentage such as 25%: " + value.getStrVal()));
        }
    }

    private static SpecProblem invalid(String field, String message) {
        return new SpecProblem(field, Reason.InvalidSpec, message);
    }
}
