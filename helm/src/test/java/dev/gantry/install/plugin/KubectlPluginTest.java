package dev.gantry.install.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.install.Repository;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher a user puts on the PATH, run as kubectl runs plugins: a separate process on the packaged operator's
 * class path, reading a kubeconfig that points at a mock API server.
 */
class KubectlPluginTest {

    static final Path LAUNCHER = Path.of("operator/controller/src/main/scripts/kubectl-gantry");
    static final CustomResourceDefinitionContext MODEL_DEPLOYMENTS = context("ModelDeployment", "modeldeployments");
    static final CustomResourceDefinitionContext MODEL_ROLLOUTS = context("ModelRollout", "modelrollouts");

    /** Held so the level sticks: the mock server logs every request at INFO. */
    static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    static Path home;

    static Path kubeconfig;

    @BeforeAll
    static void startApiServerWithACanary() throws IOException {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        server.expectCustomResource(MODEL_DEPLOYMENTS);
        server.expectCustomResource(MODEL_ROLLOUTS);
        client = server.createClient();
        create(MODEL_DEPLOYMENTS, """
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata: {name: tiny, namespace: models, generation: 1}
                spec: {model: {uri: "file:///opt/gantry/models/stories260K", name: stories260k}}
                status:
                  observedGeneration: 1
                  ready: 1/1
                  stableRevision: 5f9f8aa79b
                  currentRevision: 5f9f8aa79b
                  conditions: [{type: Ready, status: "True", reason: Available, lastTransitionTime: "2025-03-01T11:00:00Z"}]
                  revisions: [{name: 5f9f8aa79b, role: Stable, replicas: 1, readyReplicas: 1, trafficPercent: 100}]
                """);
        create(MODEL_ROLLOUTS, """
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata: {name: tiny, namespace: models}
                spec: {targetRef: {name: tiny}, strategy: {canary: {steps: [{setWeight: 50}]}}}
                status: {phase: Progressing, step: 1/2, currentWeight: 50, strategy: Canary}
                """);
        kubeconfig = home.resolve("kubeconfig");
        Files.writeString(kubeconfig, kubeconfig(client.getConfiguration().getMasterUrl()));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void listsItsCommands() throws Exception {
        var run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("status", "promote", "abort", "retry", "pause", "resume", "render");
    }

    @Test
    void showsAModelDeploymentFromTheKubeconfigsCluster() throws Exception {
        var run = run("status", "tiny", "-n", "models");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err())
                .as("nothing but the answer: no log lines, no warnings")
                .isEmpty();
        assertThat(run.out())
                .containsPattern("Status: +✔ Healthy")
                .containsPattern("Step: +1/2")
                .containsPattern("└── # 5f9f8aa79b +Stable +100% +1/1");
    }

    @Test
    void pausesARolloutByAnnotation() throws Exception {
        var run = run("pause", "tiny", "-n", "models");

        assertThat(run.exit()).as(run.err()).isZero();
        var rollout = client.genericKubernetesResources(MODEL_ROLLOUTS)
                .inNamespace("models")
                .withName("tiny")
                .get();
        assertThat(rollout.getMetadata().getAnnotations()).containsEntry("gantry.dev/paused", "true");
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(Repository.root().resolve(LAUNCHER).toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment()
                .put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        var process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void create(CustomResourceDefinitionContext context, String yaml) {
        var resource = new KubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        client.genericKubernetesResources(context)
                .inNamespace(resource.getMetadata().getNamespace())
                .resource(resource)
                .create();
    }

    private static String kubeconfig(String url) {
        var config = new ConfigBuilder()
                .addNewCluster()
                .withName("mock")
                .withNewCluster()
                .withServer(url)
                .endCluster()
                .endCluster()
                .addNewUser()
                .withName("tester")
                .withNewUser()
                .withToken("token")
                .endUser()
                .endUser()
                .addToContexts(new NamedContextBuilder()
                        .withName("mock")
                        .withNewContext()
                        .withCluster("mock")
                        .withUser("tester")
                        .withNamespace("default")
                        .endContext()
                        .build())
                .withCurrentContext("mock")
                .build();
        return new KubernetesSerialization().asYaml(config);
    }

    private static CustomResourceDefinitionContext context(String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder()
                .withGroup("gantry.dev")
                .withVersion("v1alpha1")
                .withKind(kind)
                .withPlural(plural)
                .withScope("Namespaced")
                .build();
    }
}
