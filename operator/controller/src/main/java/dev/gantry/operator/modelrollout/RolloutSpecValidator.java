package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRolloutSpec;
import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import dev.gantry.operator.analysis.SuccessCondition;
import dev.gantry.operator.render.Durations;
import dev.gantry.operator.render.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the CRD schema cannot check (and, where an API server runs without CEL, what it would): references between
 * fields, parsable durations and conditions, and what the chosen router needs from the target. Each problem
 * names its field.
 */
final class RolloutSpecValidator {

    private static final Pattern REVISION_SERVICE = Pattern.compile("-[0-9a-f]{10}$");

    private RolloutSpecValidator() {}

    static List<String> validate(ModelRolloutSpec spec, ModelDeployment target) {
        var problems = new ArrayList<String>();
        var strategy = spec.getStrategy();
        if (strategy == null || (strategy.getCanary() == null) == (strategy.getBlueGreen() == null)) {
            problems.add("spec.strategy: set exactly one of canary and blueGreen");
            return problems;
        }
        var names = metrics(spec, problems);
        if (strategy.getCanary() != null) {
            canary(spec, names, target, problems);
        } else {
            blueGreen(spec, names, target, problems);
        }
        duration("spec.analysis.interval", spec.getAnalysis().getInterval(), problems);
        duration("spec.rollback.progressDeadline", spec.getRollback().getProgressDeadline(), problems);
        if (spec.getEvaluation() != null) {
            evaluation(spec, problems);
        }
        return problems;
    }

    private static List<String> metrics(ModelRolloutSpec spec, List<String> problems) {
        var names = new ArrayList<String>();
        var metrics = spec.getAnalysis().getMetrics() == null
                ? List.<MetricSpec>of()
                : spec.getAnalysis().getMetrics();
        for (int i = 0; i < metrics.size(); i++) {
            var metric = metrics.get(i);
            var field = "spec.analysis.metrics[" + i + "]";
            if (names.contains(metric.getName())) {
                problems.add(field + ".name: " + metric.getName() + " is defined twice");
            }
            names.add(metric.getName());
            int providers = (metric.getBuiltIn() == null ? 0 : 1)
                    + (metric.getPrometheus() == null ? 0 : 1)
                    + (metric.getWebhook() == null ? 0 : 1);
            if (providers != 1) {
                problems.add(field + ": set exactly one of builtIn, prometheus and webhook");
            }
            if (metric.getWebhook() != null) {
                if (metric.getSuccessCondition() != null) {
                    problems.add(field + ".successCondition: a webhook passes on a 2xx answer and takes none");
                }
                duration(field + ".webhook.timeout", metric.getWebhook().getTimeout(), problems);
            } else {
                try {
                    SuccessCondition.parse(metric.getSuccessCondition());
                } catch (IllegalArgumentException e) {
                    problems.add(field + ".successCondition: " + e.getMessage());
                }
            }
            if (metric.getPrometheus() != null) {
                duration(field + ".prometheus.timeout", metric.getPrometheus().getTimeout(), problems);
            }
        }
        return names;
    }

    private static void canary(
            ModelRolloutSpec spec, List<String> metrics, ModelDeployment target, List<String> problems) {
        var canary = spec.getStrategy().getCanary();
        var steps =
                canary.getSteps() == null ? List.<dev.gantry.api.v1alpha1.rollout.CanaryStep>of() : canary.getSteps();
        if (steps.isEmpty()) {
            problems.add("spec.strategy.canary.steps: at least one step is needed");
        }
        int last = 0;
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            var field = "spec.strategy.canary.steps[" + i + "]";
            int actions = (step.getSetWeight() == null ? 0 : 1)
                    + (step.getPause() == null ? 0 : 1)
                    + (step.getAnalysis() == null ? 0 : 1);
            if (actions != 1) {
                problems.add(field + ": set exactly one of setWeight, pause and analysis");
            }
            if (step.getSetWeight() != null) {
                if (step.getSetWeight() < last || step.getSetWeight() > 100) {
                    problems.add(field + ".setWeight: weights must not decrease and stay within 0..100");
                }
                last = step.getSetWeight();
            }
            if (step.getPause() != null && step.getPause().getDuration() != null) {
                duration(field + ".pause.duration", step.getPause().getDuration(), problems);
            }
            if (step.getAnalysis() != null) {
                stepMetrics(field + ".analysis.metrics", step.getAnalysis().getMetrics(), metrics, problems);
            }
        }
        duration("spec.strategy.canary.scaleDownDelay", canary.getScaleDownDelay(), problems);
        var router = canary.getTrafficRouter() == null ? TrafficRouter.GatewayAPI : canary.getTrafficRouter();
        if (router == TrafficRouter.GatewayAPI
                && target != null
                && target.getSpec().getGateway() == null) {
            problems.add("spec.strategy.canary.trafficRouter: GatewayAPI needs spec.gateway on ModelDeployment "
                    + target.getMetadata().getName() + " (or choose IngressNginx or ReplicaRatio)");
        }
        if (router == TrafficRouter.IngressNginx
                && target != null
                && target.getSpec().getIngress() == null) {
            problems.add("spec.strategy.canary.trafficRouter: IngressNginx needs spec.ingress on ModelDeployment "
                    + target.getMetadata().getName());
        }
    }

    private static void blueGreen(
            ModelRolloutSpec spec, List<String> metrics, ModelDeployment target, List<String> problems) {
        var blueGreen = spec.getStrategy().getBlueGreen();
        if (blueGreen.getPrePromotionAnalysis() != null) {
            stepMetrics(
                    "spec.strategy.blueGreen.prePromotionAnalysis.metrics",
                    blueGreen.getPrePromotionAnalysis().getMetrics(),
                    metrics,
                    problems);
        }
        if (blueGreen.getPostPromotionAnalysis() != null) {
            stepMetrics(
                    "spec.strategy.blueGreen.postPromotionAnalysis.metrics",
                    blueGreen.getPostPromotionAnalysis().getMetrics(),
                    metrics,
                    problems);
        }
        if (blueGreen.getAutoPromotionAfter() != null) {
            duration("spec.strategy.blueGreen.autoPromotionAfter", blueGreen.getAutoPromotionAfter(), problems);
        }
        duration("spec.strategy.blueGreen.scaleDownDelay", blueGreen.getScaleDownDelay(), problems);
        var preview = blueGreen.getPreviewService();
        var md = spec.getTargetRef().getName();
        if (preview != null
                && (preview.equals(Names.stableService(md))
                        || preview.equals(Names.canaryIngress(md))
                        || preview.equals(Names.cache(md))
                        || (preview.startsWith(md + "-")
                                && REVISION_SERVICE.matcher(preview).find()))) {
            problems.add("spec.strategy.blueGreen.previewService: " + preview + " is the name of another of " + md
                    + "'s Services");
        }
    }

    private static void evaluation(ModelRolloutSpec spec, List<String> problems) {
        var prompts = spec.getEvaluation().getPrompts();
        if (prompts == null || prompts.isEmpty()) {
            problems.add("spec.evaluation.prompts: at least one prompt is needed");
            return;
        }
        duration("spec.evaluation.timeout", spec.getEvaluation().getTimeout(), problems);
        for (int i = 0; i < prompts.size(); i++) {
            var prompt = prompts.get(i);
            var field = "spec.evaluation.prompts[" + i + "]";
            var constraint = prompt.getConstraint();
            if (constraint != null) {
                int kinds = (constraint.getJsonSchema() == null ? 0 : 1)
                        + (constraint.getRegex() == null ? 0 : 1)
                        + (constraint.getChoice() == null ? 0 : 1);
                if (kinds != 1) {
                    problems.add(field + ".constraint: set exactly one of jsonSchema, regex and choice");
                }
                regex(field + ".constraint.regex", constraint.getRegex(), problems);
            }
            if (prompt.getExpect() != null) {
                regex(field + ".expect.matches", prompt.getExpect().getMatches(), problems);
            }
        }
    }

    private static void stepMetrics(String field, List<String> named, List<String> defined, List<String> problems) {
        if (named == null) {
            return;
        }
        for (var name : named) {
            if (!defined.contains(name)) {
                problems.add(field + ": " + name + " is not defined in spec.analysis.metrics");
            }
        }
    }

    private static void duration(String field, String value, List<String> problems) {
        if (value == null) {
            return;
        }
        try {
            if (Durations.parse(value).isZero() && field.endsWith("interval")) {
                problems.add(field + ": must be longer than zero");
            }
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
        }
    }

    private static void regex(String field, String regex, List<String> problems) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(field + ": not a valid regular expression (" + e.getDescription() + ")");
        }
    }
}
