package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.operator.modeldeployment.dependent.GatewayApiInstalled;
import dev.gantry.operator.render.ModelDeploymentRenderer;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.render.RoutingObjects;
import dev.gantry.operator.testing.Cluster;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One mock API server, one set of loopback servers and both controllers per test class; one namespace and one
 * kubelet per test. Helpers read the router objects as a gateway or ingress controller would.
 */
abstract class RolloutScenarioBase {

    static MockApiServer api;
    static LoopbackServers servers;
    static RolloutHarness operator;
    Cluster cluster;
    Kubelet kubelet;

    @BeforeAll
    static void startOperator() {
        api = new MockApiServer();
        api.installGatewayApi();
        GatewayApiInstalled.reset();
        servers = new LoopbackServers();
        operator = RolloutHarness.start(api.client(), servers);
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
        servers.close();
        api.close();
    }

    @BeforeEach
    void newNamespace() {
        cluster = new Cluster(api.client());
        kubelet = new Kubelet(api.client(), cluster.namespace());
    }

    @AfterEach
    void stopKubelet() {
        kubelet.close();
    }

    /** A small model on 2 pods with an HTTPRoute and an Ingress, its first revision stable and Ready. */
    String stableModel(String name, String extraSpec) {
        var md = Fixtures.fromYaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: %s
                spec:
                  model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                  replicas: 2
                  gateway:
                    parentRefs: [{name: inference-gateway}]
                  ingress:
                    className: nginx
                    host: %s.example.com
                %s
                """.formatted(name, name, extraSpec.indent(2)), cluster.namespace());
        cluster.apply(md);
        eventually(() -> assertThat(cluster.reason(name, "Ready")).isEqualTo("Available"));
        return cluster.md(name).getStatus().getStableRevision();
    }

    ModelRollout rollout(String yaml) {
        var rollout = api.client().getKubernetesSerialization().unmarshal(yaml, ModelRollout.class);
        rollout.getMetadata().setNamespace(cluster.namespace());
        return api.client().resource(rollout).create();
    }

    /** Changes the model's URI (a new revision) and returns that revision. */
    String newRevision(String md, String uri) {
        var edited = cluster.editSpec(md, m -> {
            m.getSpec().getModel().setUri(uri);
            return m;
        });
        return ModelDeploymentRenderer.currentRevision(edited, OperatorDefaults.standard());
    }

    /** The revision a ModelDeployment would have with another model URI, before anything changes. */
    String revisionWith(String md, String uri) {
        var copy = api.client().getKubernetesSerialization().clone(md(md));
        copy.getSpec().getModel().setUri(uri);
        return ModelDeploymentRenderer.currentRevision(copy, OperatorDefaults.standard());
    }

    ModelRollout mr(String name) {
        return api.client()
                .resources(ModelRollout.class)
                .inNamespace(cluster.namespace())
                .withName(name)
                .get();
    }

    void awaitPhase(String rollout, RolloutPhase phase) {
        eventually(() -> assertThat(mr(rollout).getStatus().getPhase())
                .as(() -> describe(rollout))
                .isEqualTo(phase));
    }

    /** The rollout's status as YAML, for failure messages. */
    String describe(String rollout) {
        var current = mr(rollout);
        return current == null ? "no ModelRollout " + rollout : Serialization.asYaml(current.getStatus());
    }

    void annotate(String rollout, String key, String value) {
        Cluster.retryingConflicts(() -> api.client()
                .resources(ModelRollout.class)
                .inNamespace(cluster.namespace())
                .withName(rollout)
                .edit(mr -> {
                    mr.getMetadata().getAnnotations().put(key, value);
                    return mr;
                }));
    }

    /** The HTTPRoute's backends and weights, as a Gateway would read them. */
    Map<String, Integer> routeWeights(String md) {
        var route = api.client()
                .resources(HTTPRoute.class)
                .inNamespace(cluster.namespace())
                .withName(md)
                .get();
        var weights = new LinkedHashMap<String, Integer>();
        route.getSpec().getRules().get(0).getBackendRefs().forEach(b -> weights.put(b.getName(), b.getWeight()));
        return weights;
    }

    /** The canary Ingress' weight and backend, or empty when there is none. */
    Map<String, String> canaryIngress(String md) {
        Ingress ingress = api.client()
                .network()
                .v1()
                .ingresses()
                .inNamespace(cluster.namespace())
                .withName(md + "-canary")
                .get();
        if (ingress == null) {
            return Map.of();
        }
        return Map.of(
                "weight",
                ingress.getMetadata().getAnnotations().get(RoutingObjects.CANARY_WEIGHT_ANNOTATION),
                "service",
                ingress.getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths()
                        .get(0)
                        .getBackend()
                        .getService()
                        .getName());
    }

    /** The revision label the Service {@code <md>} selects, or {@code *} when it selects every revision. */
    String serviceSelects(String service) {
        var selector = api.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName(service)
                .get()
                .getSpec()
                .getSelector();
        return selector.getOrDefault("gantry.dev/revision", "*");
    }

    Integer replicas(String deployment) {
        var d = cluster.deployment(deployment);
        return d == null ? null : d.getSpec().getReplicas();
    }

    ModelDeployment md(String name) {
        return cluster.md(name);
    }
}
