package dev.gantry.operator.rbac;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.CacheMode;
import dev.gantry.operator.modeldeployment.ModelDeploymentReconciler;
import dev.gantry.operator.modeldeployment.dependent.GatewayApiInstalled;
import dev.gantry.operator.modelrollout.ModelRolloutReconciler;
import dev.gantry.operator.rbac.DeclaredPermissions.Grant;
import dev.gantry.operator.rbac.DeclaredPermissions.Scope;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.testing.Cluster;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's declared permissions are exactly what it calls. The ModelDeployment controller runs, with leader
 * election and watching one namespace, through the life of two ModelDeployments that use every kind of child:
 * one created from nothing, one whose children already exist unlabelled (the path where a create finds the name
 * taken and reads the object). Every request its client makes is recorded and held against the declaration: every
 * call must be declared, and every rule the ModelDeployment controller declares must be called (a verb the rollout
 * controller declares too is proven by RolloutControllerPermissionsTest).
 */
class OperatorPermissionsTest {

    static final String LEASE_NAMESPACE = "gantry-system";

    static MockApiServer api;
    static Cluster cluster;
    static Set<ApiCall> calls;
    static Set<Grant> declared;

    @BeforeAll
    static void runTheOperatorThroughEveryKindOfChild() throws Exception {
        api = new MockApiServer();
        api.installGatewayApi();
        GatewayApiInstalled.reset();
        cluster = new Cluster(api.client());
        api.client()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(LEASE_NAMESPACE)
                        .endMetadata()
                        .build())
                .create();
        var scenario = new LifecycleScenario(cluster);
        scenario.createReferencedObjects();
        var recorder = new ApiCallRecorder(api.client());
        scenario.applyModelDeployments();
        try (var operator = RecordedOperator.start(api, recorder, cluster.namespace(), LEASE_NAMESPACE)) {
            scenario.awaitEveryChildAndReportReady();
            scenario.dropOptionalChildrenAndChangeRevision();
            scenario.disableTheCache();
            eventually(() -> assertThat(recorder.calls())
                    .anyMatch(c -> c.resource().equals("leases") && c.verb().equals("patch")));
        }
        calls = recorder.calls();
        declared = DeclaredPermissions.load();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void everyCallTheOperatorMakesIsDeclared() {
        var undeclared = calls.stream()
                .filter(call -> grantFor(call)
                        .filter(OperatorPermissionsTest::isDeclared)
                        .isEmpty())
                .map(ApiCall::toString)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(undeclared)
                .as(
                        "calls not granted by %s: declare them (e.g. @RBACRule) and regenerate",
                        DeclaredPermissions.RESOURCE)
                .isEmpty();
    }

    @Test
    void everyDeclaredPermissionIsUsed() {
        var rolloutRules = DeclaredPermissions.annotatedOn(ModelRolloutReconciler.class);
        var used = calls.stream()
                .map(OperatorPermissionsTest::grantFor)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());

        var unused = declared.stream()
                .filter(grant -> grant.controllers().contains(ModelDeploymentReconciler.NAME))
                .filter(grant -> rolloutRules.stream().noneMatch(grant::sameAs))
                .filter(grant -> used.stream().noneMatch(grant::sameAs))
                .map(Grant::toString)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(unused)
                .as("declared by the ModelDeployment controller in %s but never called", DeclaredPermissions.RESOURCE)
                .isEmpty();
    }

    @Test
    void namespacedKindsAreNeverCalledAcrossAllNamespaces() {
        var clusterWide = calls.stream()
                .filter(call -> call.namespace() == null)
                .filter(call -> !isDeclared(new Grant(Scope.clusterScoped, call.group(), call.resource(), call.verb())))
                .map(ApiCall::toString)
                .toList();

        assertThat(clusterWide)
                .as("watching listed namespaces, the operator has no cluster-wide rights on namespaced kinds")
                .isEmpty();
    }

    private static boolean isDeclared(Grant needed) {
        return declared.stream().anyMatch(needed::sameAs);
    }

    /** The grant a call needs, by where it is made; empty for a namespace the operator has no rights in. */
    static Optional<Grant> grantFor(ApiCall call) {
        Scope scope;
        if (call.namespace() == null) {
            scope = Scope.clusterScoped;
        } else if (call.namespace().equals(cluster.namespace())) {
            scope = Scope.watchedNamespaces;
        } else if (call.namespace().equals(LEASE_NAMESPACE)) {
            scope = Scope.leaseNamespace;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Grant(scope, call.group(), call.resource(), call.verb()));
    }

    /** The ModelDeployments of the scenario and what the test does to them, playing kubelet and user. */
    static final class LifecycleScenario {

        private final Cluster cluster;
        private final List<String> names = List.of("fresh", "adopted");

        LifecycleScenario(Cluster cluster) {
            this.cluster = cluster;
        }

        void createReferencedObjects() {
            var client = cluster.client();
            var ns = cluster.namespace();
            client.resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                            .withNewMetadata()
                            .withName("api-keys")
                            .withNamespace(ns)
                            .endMetadata()
                            .addToStringData("team-a", "k".repeat(32))
                            .build())
                    .create();
            client.resource(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
                            .withNewMetadata()
                            .withName("models")
                            .withNamespace(ns)
                            .endMetadata()
                            .build())
                    .create();
            client.resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                            .withNewMetadata()
                            .withName("model-reader")
                            .withNamespace(ns)
                            .endMetadata()
                            .build())
                    .create();
        }

        void applyModelDeployments() {
            for (var name : names) {
                var md = cluster.apply(everything(name));
                if (name.equals("adopted")) {
                    ExistingChildren.createUnlabelled(cluster.client(), md);
                }
            }
        }

        void awaitEveryChildAndReportReady() {
            for (var name : names) {
                eventually(() -> {
                    assertThat(get(HorizontalPodAutoscaler.class, name)).isNotNull();
                    assertThat(get(HTTPRoute.class, name)).isNotNull();
                    assertThat(get(Ingress.class, name)).isNotNull();
                    assertThat(get(StatefulSet.class, name + "-cache")).isNotNull();
                    assertThat(get(NetworkPolicy.class, name + "-cache")
                                    .getMetadata()
                                    .getLabels())
                            .containsEntry(Labels.MANAGED_BY, Labels.MANAGER);
                    assertThat(cluster.md(name).getStatus().getObservedGeneration())
                            .isEqualTo(1L);
                });
                reportAllReady(name, 2);
                eventually(() -> assertThat(cluster.hasEvent(name, "Normal", "Available"))
                        .isTrue());
            }
        }

        void dropOptionalChildrenAndChangeRevision() {
            for (var name : names) {
                var before = cluster.md(name).getStatus().getStableRevision();
                cluster.editSpec(name, md -> {
                    md.getSpec().setAutoscaling(null);
                    md.getSpec().setReplicas(1);
                    md.getSpec().setIngress(null);
                    md.getSpec().setGateway(null);
                    md.getSpec().getCache().getManaged().setPersistence(null);
                    md.getSpec().getRuntime().setServiceAccountName("model-reader");
                    return md;
                });
                awaitReplacementOf(name, before);
                eventually(() -> {
                    assertThat(get(HorizontalPodAutoscaler.class, name)).isNull();
                    assertThat(get(HTTPRoute.class, name)).isNull();
                    assertThat(get(Ingress.class, name)).isNull();
                    assertThat(get(StatefulSet.class, name + "-cache")).isNull();
                    assertThat(cluster.deployment(name + "-cache")).isNotNull();
                    assertThat(get(io.fabric8.kubernetes.api.model.ServiceAccount.class, name + "-runtime"))
                            .isNull();
                });
            }
        }

        void disableTheCache() {
            for (var name : names) {
                var before = cluster.md(name).getStatus().getStableRevision();
                cluster.editSpec(name, md -> {
                    md.getSpec().getCache().setMode(CacheMode.Disabled);
                    md.getSpec().getCache().setManaged(null);
                    return md;
                });
                awaitReplacementOf(name, before);
                eventually(() -> {
                    assertThat(cluster.deployment(name + "-cache")).isNull();
                    assertThat(get(NetworkPolicy.class, name + "-cache")).isNull();
                });
            }
        }

        /** Plays the kubelet until the new revision replaced the old one and the old one's objects are gone. */
        private void awaitReplacementOf(String name, String oldRevision) {
            eventually(() -> {
                reportAllReady(name, 1);
                assertThat(cluster.md(name).getStatus().getStableRevision()).isNotEqualTo(oldRevision);
                assertThat(cluster.deployment(name + "-" + oldRevision)).isNull();
            });
        }

        private void reportAllReady(String name, int fallback) {
            for (var deployment : cluster.runtimeDeployments(name)) {
                var replicas = deployment.getSpec().getReplicas();
                cluster.reportReady(deployment.getMetadata().getName(), replicas == null ? fallback : replicas);
            }
        }

        private <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Class<T> type, String name) {
            return cluster.client()
                    .resources(type)
                    .inNamespace(cluster.namespace())
                    .withName(name)
                    .get();
        }

        /** A ModelDeployment with every optional child: autoscaler and budget, both routes, persistent cache. */
        private static ModelDeployment everything(String name) {
            return Fixtures.fromYaml("""
                    apiVersion: gantry.dev/v1alpha1
                    kind: ModelDeployment
                    metadata:
                      name: %s
                    spec:
                      model: {uri: "pvc://models/llama", name: llama}
                      autoscaling: {minReplicas: 2, maxReplicas: 3, targetCPUUtilizationPercentage: 70}
                      ingress: {className: nginx, host: %s.example.com}
                      gateway:
                        parentRefs: [{name: public, namespace: gateways}]
                        hostnames: [%s.example.com]
                      cache:
                        mode: Managed
                        managed: {maxMemory: 64Mi, persistence: {size: 1Gi}}
                      auth:
                        apiKeysSecretRef: {name: api-keys}
                    """.formatted(name, name, name), "unset");
        }
    }
}
