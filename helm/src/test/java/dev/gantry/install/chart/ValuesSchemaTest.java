package dev.gantry.install.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json makes Helm refuse bad values before anything reaches the cluster, naming what is wrong. */
class ValuesSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("a misspelt top-level key", "{'replicas': 2}", "additional properties 'replicas'"),
                bad("a misspelt nested key", "{'metrics': {'serviceMonitor': {'enable': true}}}", "'enable'"),
                bad("an unknown log level", "{'logging': {'level': 'LOUD'}}", "'/logging/level'"),
                bad("an unknown log format", "{'logging': {'format': 'xml'}}", "'/logging/format'"),
                bad("a namespace that is no DNS label", "{'watchNamespaces': ['Models']}", "'/watchNamespaces/0'"),
                bad("a namespace listed twice", "{'watchNamespaces': ['a', 'a']}", "'/watchNamespaces'"),
                bad("replicas as text", "{'replicaCount': 'two'}", "'/replicaCount'"),
                bad("an unknown pull policy", "{'image': {'pullPolicy': 'Sometimes'}}", "'/image/pullPolicy'"),
                bad("a digest without algorithm", "{'image': {'digest': 'abc123'}}", "'/image/digest'"),
                bad("an empty runtime image", "{'runtime': {'image': ''}}", "'/runtime/image'"),
                bad(
                        "a duration without unit",
                        "{'reconcile': {'recheckInterval': 'soon'}}",
                        "'/reconcile/recheckInterval'"),
                bad(
                        "an existing ServiceAccount without name",
                        "{'serviceAccount': {'create': false}}",
                        "'/serviceAccount/name'"),
                bad("a port out of range", "{'metrics': {'port': 70000}}", "'/metrics/port'"));
    }

    private static Arguments bad(String what, String values, String where) {
        return Arguments.of(what, values.replace('\'', '"'), where);
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("badValues")
    void badValuesAreRefusedNamingTheField(String what, String values, String where) throws Exception {
        Map<String, Object> parsed = JSON.readValue(values, Map.class);

        assertThatThrownBy(() -> HelmChart.render(parsed))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(where);
    }

    @Test
    void everyOptionTogetherIsAccepted() {
        var values = Map.of(
                "image", Map.of("repository", "registry.example.com/gantry-operator", "tag", "0.1.0"),
                "imagePullSecrets", List.of(Map.of("name", "regcred")),
                "replicaCount", 2,
                "watchNamespaces", List.of("models"),
                "logging", Map.of("level", "WARN", "format", "text"),
                "reconcile", Map.of("recheckInterval", "PT45S", "progressResync", "1m30s"),
                "serviceAccount", Map.of("create", true, "annotations", Map.of("iam.example.com/role", "gantry")),
                "rbac", Map.of("create", true, "aggregateToDefaultRoles", false),
                "extraEnv", List.of(Map.of("name", "QUARKUS_LOG_CATEGORY__DEV_GANTRY__LEVEL", "value", "DEBUG")),
                "metrics",
                        Map.of(
                                "port",
                                9090,
                                "serviceMonitor",
                                Map.of("enabled", true, "interval", "15s", "scrapeTimeout", "5s")));

        var rendered = HelmChart.render(values);

        assertThat(rendered.objects()).isNotEmpty();
    }
}
