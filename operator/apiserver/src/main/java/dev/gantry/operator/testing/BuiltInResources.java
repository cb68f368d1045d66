package dev.gantry.operator.testing;

import java.util.List;

/** The built-in kinds the embedded API server stores and advertises in discovery, as a real one would list them. */
final class BuiltInResources {

    /** One resource of the API: where it lives and what kubectl may call it. */
    record Resource(
            String group,
            String version,
            String plural,
            String singular,
            String kind,
            boolean namespaced,
            List<String> shortNames,
            List<String> subresources) {

        String groupVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }

        /** {@code kubectl get all} lists the kinds in the category {@code all}. */
        boolean inCategoryAll() {
            return group.isEmpty()
                    ? plural.equals("pods") || plural.equals("services")
                    : List.of("deployments", "statefulsets", "replicasets", "horizontalpodautoscalers")
                            .contains(plural);
        }
    }

    static final List<Resource> ALL = List.of(
            core("namespaces", "namespace", "Namespace", false, List.of("ns"), List.of("status")),
            core("pods", "pod", "Pod", true, List.of("po"), List.of("status")),
            core("services", "service", "Service", true, List.of("svc"), List.of("status")),
            core("endpoints", "endpoints", "Endpoints", true, List.of("ep"), List.of()),
            core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), List.of()),
            core("secrets", "secret", "Secret", true, List.of(), List.of()),
            core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), List.of()),
            core(
                    "persistentvolumeclaims",
                    "persistentvolumeclaim",
                    "PersistentVolumeClaim",
                    true,
                    List.of("pvc"),
                    List.of("status")),
            core("events", "event", "Event", true, List.of("ev"), List.of()),
            of("apps", "v1", "deployments", "deployment", "Deployment", List.of("deploy"), List.of("status", "scale")),
            of("apps", "v1", "statefulsets", "statefulset", "StatefulSet", List.of("sts"), List.of("status", "scale")),
            of("apps", "v1", "replicasets", "replicaset", "ReplicaSet", List.of("rs"), List.of("status", "scale")),
            of(
                    "autoscaling",
                    "v2",
                    "horizontalpodautoscalers",
                    "horizontalpodautoscaler",
                    "HorizontalPodAutoscaler",
                    List.of("hpa"),
                    List.of("status")),
            of(
                    "policy",
                    "v1",
                    "poddisruptionbudgets",
                    "poddisruptionbudget",
                    "PodDisruptionBudget",
                    List.of("pdb"),
                    List.of("status")),
            of("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", List.of("ing"), List.of("status")),
            of(
                    "networking.k8s.io",
                    "v1",
                    "networkpolicies",
                    "networkpolicy",
                    "NetworkPolicy",
                    List.of("netpol"),
                    List.of()),
            of("coordination.k8s.io", "v1", "leases", "lease", "Lease", List.of(), List.of()),
            of("events.k8s.io", "v1", "events", "event", "Event", List.of("ev"), List.of()),
            new Resource(
                    "apiextensions.k8s.io",
                    "v1",
                    "customresourcedefinitions",
                    "customresourcedefinition",
                    "CustomResourceDefinition",
                    false,
                    List.of("crd", "crds"),
                    List.of("status")),
            new Resource(
                    "authorization.k8s.io",
                    "v1",
                    "selfsubjectrulesreviews",
                    "selfsubjectrulesreview",
                    "SelfSubjectRulesReview",
                    false,
                    List.of(),
                    List.of()));

    private BuiltInResources() {}

    private static Resource core(
            String plural,
            String singular,
            String kind,
            boolean namespaced,
            List<String> shortNames,
            List<String> sub) {
        return new Resource("", "v1", plural, singular, kind, namespaced, shortNames, sub);
    }

    private static Resource of(
            String group,
            String version,
            String plural,
            String singular,
            String kind,
            List<String> shortNames,
            List<String> sub) {
        return new Resource(group, version, plural, singular, kind, true, shortNames, sub);
    }
}
