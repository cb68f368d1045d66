package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.operator.modeldeployment.dependent.GatewayApiInstalled;
import dev.gantry.operator.rbac.ApiCall;
import dev.gantry.operator.rbac.ApiCallRecorder;
import dev.gantry.operator.rbac.DeclaredPermissions;
import dev.gantry.operator.rbac.DeclaredPermissions.Grant;
import dev.gantry.operator.rbac.DeclaredPermissions.Scope;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rollout controller's permissions are exactly what it calls. It runs on a client of its own, whose every request
 * is recorded, through a canary on the HTTPRoute with a webhook whose token is in a Secret, promoted by annotation,
 * and a canary on the nginx canary Ingress aborted by annotation. Every call must be granted by the operator's
 * declaration, and every rule the controller declares with {@code @RBACRule} must have been called.
 */
class RolloutControllerPermissionsTest extends RolloutScenarioBase {

    private static KubernetesClient recordedClient;
    private static ApiCallRecorder recorder;

    /** Hides the base class' start: both controllers start in the test, watching its namespace only. */
    @BeforeAll
    static void startOperator() {
        api = new MockApiServer();
        api.installGatewayApi();
        GatewayApiInstalled.reset();
        servers = new LoopbackServers();
        recorder = new ApiCallRecorder(api.client());
        recordedClient = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(api.client().getConfiguration()).build())
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("rbac-recorder", recorder))
                .build();
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
        recordedClient.close();
        servers.close();
        api.close();
    }

    @Test
    void callsExactlyWhatItDeclares() {
        operator = RolloutHarness.startApart(api.client(), recordedClient, servers, cluster.namespace());
        promoteACanaryOnTheRouteWithAWebhookToken();
        abortACanaryOnTheCanaryIngress();

        var calls = recorder.calls();
        var declared = DeclaredPermissions.load();
        var undeclared = calls.stream()
                .filter(call -> declared.stream().noneMatch(grantFor(call)::sameAs))
                .map(ApiCall::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        var unused = DeclaredPermissions.annotatedOn(ModelRolloutReconciler.class).stream()
                .filter(grant -> calls.stream().noneMatch(call -> grantFor(call).sameAs(grant)))
                .map(Grant::toString)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(undeclared)
                .as("calls not granted by %s: declare them (@RBACRule) and regenerate", DeclaredPermissions.RESOURCE)
                .isEmpty();
        assertThat(unused)
                .as("declared by @RBACRule on ModelRolloutReconciler but never called")
                .isEmpty();
    }

    private void promoteACanaryOnTheRouteWithAWebhookToken() {
        api.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("quality-token")
                        .withNamespace(cluster.namespace())
                        .endMetadata()
                        .addToStringData("token", "t".repeat(24))
                        .build())
                .create();
        stableModel("routed", "");
        rollout("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata: {name: routed}
                spec:
                  targetRef: {name: routed}
                  strategy:
                    canary:
                      trafficRouter: GatewayAPI
                      scaleDownDelay: 300ms
                      steps:
                        - setWeight: 40
                        - analysis: {}
                        - pause: {}
                  analysis:
                    interval: 300ms
                    metrics:
                      - name: quality
                        webhook:
                          url: %s
                          timeout: 2s
                          headers:
                            - name: Authorization
                              valueFrom: {name: quality-token, key: token}
                """.formatted(servers.webhookUrl()));
        awaitPhase("routed", RolloutPhase.Idle);
        var candidate = newRevision("routed", "file:///opt/gantry/models/stories260K-v2");
        awaitPhase("routed", RolloutPhase.Paused);
        assertThat(routeWeights("routed")).containsEntry("routed-" + candidate, 40);

        annotate("routed", "gantry.dev/promote", "full");

        awaitPhase("routed", RolloutPhase.Succeeded);
        eventually(
                () -> assertThat(mr("routed").getMetadata().getAnnotations()).doesNotContainKey("gantry.dev/promote"));
    }

    private void abortACanaryOnTheCanaryIngress() {
        stableModel("ingress", "");
        rollout("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata: {name: ingress}
                spec:
                  targetRef: {name: ingress}
                  strategy:
                    canary:
                      trafficRouter: IngressNginx
                      steps:
                        - setWeight: 30
                        - pause: {}
                """);
        awaitPhase("ingress", RolloutPhase.Idle);
        newRevision("ingress", "file:///opt/gantry/models/stories260K-v2");
        awaitPhase("ingress", RolloutPhase.Paused);
        assertThat(canaryIngress("ingress")).containsEntry("weight", "30");

        annotate("ingress", "gantry.dev/abort", "true");

        awaitPhase("ingress", RolloutPhase.RolledBack);
    }

    private Grant grantFor(ApiCall call) {
        var scope = call.namespace() == null ? Scope.clusterScoped : Scope.watchedNamespaces;
        return new Grant(scope, call.group(), call.resource(), call.verb());
    }
}
