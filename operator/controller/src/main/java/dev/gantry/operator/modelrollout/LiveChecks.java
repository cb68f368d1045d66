package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import dev.gantry.operator.analysis.Analyzer;
import dev.gantry.operator.analysis.MetricResult;
import dev.gantry.operator.analysis.WindowContext;
import dev.gantry.operator.evaluation.EvaluationReport;
import dev.gantry.operator.evaluation.EvaluationRunner;
import dev.gantry.operator.render.Names;
import dev.gantry.operator.render.RevisionObjects;
import java.util.List;
import java.util.Optional;

/** The checks as the operator runs them: pods' metrics, Prometheus, webhooks, and the candidate's Service. */
final class LiveChecks implements Checks {

    private final Analyzer analyzer;
    private final EvaluationRunner evaluation;
    private final Secrets secrets;
    private final ModelRollout rollout;
    private final ModelDeployment target;

    LiveChecks(
            Analyzer analyzer,
            EvaluationRunner evaluation,
            Secrets secrets,
            ModelRollout rollout,
            ModelDeployment target) {
        this.analyzer = analyzer;
        this.evaluation = evaluation;
        this.secrets = secrets;
        this.rollout = rollout;
        this.target = target;
    }

    @Override
    public void startWindow(WindowContext window, List<MetricSpec> metrics) {
        analyzer.startWindow(window, metrics);
    }

    @Override
    public Optional<List<MetricResult>> measure(WindowContext window, List<MetricSpec> metrics) {
        return analyzer.measure(window, metrics);
    }

    @Override
    public EvaluationReport evaluate(String revision) {
        var name = target.getMetadata().getName();
        var namespace = target.getMetadata().getNamespace();
        var key = apiKey(namespace);
        if (key.isPresent() && key.get().isEmpty()) {
            var secret = target.getSpec().getAuth().getApiKeysSecretRef().getName();
            return new EvaluationReport(rollout.getSpec().getEvaluation().getPrompts().stream()
                    .map(p -> new EvaluationReport.PromptOutcome(
                            p.getName(),
                            false,
                            false,
                            "the model needs an API key and Secret " + secret + " holds only hashed keys (sha256:);"
                                    + " add a plain key for the operator's evaluation"))
                    .toList());
        }
        var service = new EvaluationRunner.Target(
                namespace,
                Names.revision(name, revision),
                RevisionObjects.servicePort(target.getSpec().getService()),
                target.getSpec().getModel().getName(),
                key);
        return evaluation.run(rollout.getSpec().getEvaluation(), service);
    }

    /**
     * Empty when the model needs no key; an empty string when it needs one and none can be used (the Secret holds
     * only hashes or is missing); else the first plain key in key order.
     */
    private Optional<String> apiKey(String namespace) {
        var auth = target.getSpec().getAuth();
        if (auth == null || auth.getApiKeysSecretRef() == null) {
            return Optional.empty();
        }
        var secret = auth.getApiKeysSecretRef().getName();
        return Optional.of(secrets.values(namespace, secret).stream()
                .filter(v -> !v.startsWith("sha256:") && !v.isBlank())
                .findFirst()
                .orElse(""));
    }
}
