package dev.gantry.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the local gateway picks a route and its weighted backends from the API's objects. */
class RouteTableTest {

    @Test
    void takesTheWeightedBackendsOfTheHttpRoute() {
        var table = RouteTable.build(
                List.of(route("stories", List.of(), "/", Map.of("stories-aaa", 80, "stories-bbb", 20))), List.of());

        var route = table.resolve("127.0.0.1:18080", "/v1/completions").orElseThrow();

        assertThat(route.backends())
                .extracting(Backend::service, Backend::weight)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("stories-aaa", 80),
                        org.assertj.core.groups.Tuple.tuple("stories-bbb", 20));
    }

    @Test
    void prefersAnExactHostOverARouteForAnyHostAndTheLongestPathPrefix() {
        var table = RouteTable.build(
                List.of(
                        route("any", List.of(), "/", Map.of("any", 1)),
                        route("named", List.of("chat.example.com"), "/", Map.of("named", 1)),
                        route("api", List.of("chat.example.com"), "/v1", Map.of("api", 1))),
                List.of());

        assertThat(service(table, "chat.example.com", "/v1/models")).isEqualTo("api");
        assertThat(service(table, "chat.example.com", "/v10"))
                .as("a prefix matches whole segments")
                .isEqualTo("named");
        assertThat(service(table, "localhost", "/v1/models")).isEqualTo("any");
    }

    @Test
    void splitsAnIngressWithItsNginxCanaryByCanaryWeight() {
        var table = RouteTable.build(
                List.of(),
                List.of(
                        ingress("stories", "stories", Map.of()),
                        ingress(
                                "stories-canary",
                                "stories-bbb",
                                Map.of(RouteTable.CANARY, "true", RouteTable.CANARY_WEIGHT, "25"))));

        var route = table.resolve("stories.example.com", "/v1/completions").orElseThrow();

        assertThat(route.backends())
                .extracting(Backend::service, Backend::weight)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("stories", 75),
                        org.assertj.core.groups.Tuple.tuple("stories-bbb", 25));
    }

    @Test
    void reachesAServiceByItsClusterDnsName() {
        var table = RouteTable.build(List.of(), List.of());

        var route = table.resolve("stories.models.svc.cluster.local:80", "/v1/models")
                .orElseThrow();

        assertThat(route.backends()).containsExactly(new Backend("models", "stories", 80, null, 1));
        assertThat(table.resolve("unknown.example.com", "/")).isEmpty();
    }

    private static String service(RouteTable table, String host, String path) {
        return table.resolve(host, path).orElseThrow().backends().get(0).service();
    }

    private static HTTPRoute route(String name, List<String> hostnames, String prefix, Map<String, Integer> weights) {
        var rule = new io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder()
                .addNewMatch()
                .withNewPath()
                .withType("PathPrefix")
                .withValue(prefix)
                .endPath()
                .endMatch();
        weights.forEach((service, weight) -> rule.addNewBackendRef()
                .withName(service)
                .withPort(80)
                .withWeight(weight)
                .endBackendRef());
        return new HTTPRouteBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .withCreationTimestamp("2026-01-01T00:00:00Z")
                .endMetadata()
                .withNewSpec()
                .withHostnames(hostnames)
                .withRules(rule.build())
                .endSpec()
                .build();
    }

    private static Ingress ingress(String name, String service, Map<String, String> annotations) {
        return new IngressBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withHost("stories.example.com")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(service)
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();
    }
}
