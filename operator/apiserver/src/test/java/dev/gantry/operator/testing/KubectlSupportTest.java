package dev.gantry.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kubectl's view of the embedded API server: discovery, OpenAPI v3 support checks, server-side printing. */
class KubectlSupportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MockApiServer server;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void discoveryListsBuiltInKindsAndInstalledCrds() throws Exception {
        var groups = get("/apis", "application/json").path("groups");
        var core = get("/api/v1", "application/json").path("resources");
        var gantry = get("/apis/gantry.dev/v1alpha1", "application/json").path("resources");

        assertThat(names(groups)).contains("apps", "gantry.dev", "events.k8s.io", "coordination.k8s.io");
        assertThat(names(core)).contains("pods", "pods/status", "services", "secrets", "namespaces");
        assertThat(names(gantry)).contains("modeldeployments", "modeldeployments/status", "modelrollouts");
        assertThat(gantry.get(0).path("shortNames").toString()).contains("md");
    }

    @Test
    void openApiV3AdvertisesServerSideFieldValidationForEveryKind() throws Exception {
        var root = get("/openapi/v3", "application/json").path("paths");
        var url =
                root.path("apis/gantry.dev/v1alpha1").path("serverRelativeURL").asText();
        var document = get(url, "application/json");

        var patch = document.path("paths")
                .path("/apis/gantry.dev/v1alpha1/namespaces/{namespace}/modeldeployments/{name}")
                .path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText())
                .isEqualTo("ModelDeployment");
        assertThat(patch.path("parameters").get(0).path("name").asText()).isEqualTo("fieldValidation");
    }

    @Test
    void printsCustomResourcesWithTheirPrinterColumns() throws Exception {
        var md = new GenericKubernetesResource();
        md.setApiVersion("gantry.dev/v1alpha1");
        md.setKind("ModelDeployment");
        md.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName("tiny")
                .withNamespace("default")
                .build());
        var resources = server.client().genericKubernetesResources("gantry.dev/v1alpha1", "ModelDeployment");
        var created = resources.resource(md).create();
        created.setAdditionalProperty(
                "status",
                Serialization.unmarshal(
                        "{\"ready\":\"2/2\",\"conditions\":[{\"type\":\"Progressing\",\"reason\":\"X\"},"
                                + "{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Available\"}]}",
                        java.util.Map.class));
        resources.resource(created).updateStatus();

        var table = get(
                "/apis/gantry.dev/v1alpha1/namespaces/default/modeldeployments",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(names(table.path("columnDefinitions"))).startsWith("Name", "Ready", "Model");
        var cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(0).asText()).isEqualTo("tiny");
        assertThat(cells.get(1).asText()).isEqualTo("2/2");
        assertThat(cells.get(5).asText()).as("the Ready condition's reason").isEqualTo("Available");
    }

    @Test
    void showsEventsOfTheEventsApiInTheCoreViewThatKubectlDescribeReads() throws Exception {
        server.client()
                .resource(new io.fabric8.kubernetes.api.model.events.v1.EventBuilder()
                        .withNewMetadata()
                        .withName("tiny.1")
                        .withNamespace("default")
                        .endMetadata()
                        .withNewRegarding()
                        .withKind("ModelDeployment")
                        .withName("tiny")
                        .withNamespace("default")
                        .endRegarding()
                        .withReason("Available")
                        .withNote("2 of 2 pods ready")
                        .withType("Normal")
                        .withReportingController("gantry.dev/gantry-operator")
                        .build())
                .create();

        var matching =
                get("/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dtiny", "application/json");
        var other =
                get("/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dother", "application/json");

        var event = matching.path("items").get(0);
        assertThat(event.path("involvedObject").path("kind").asText()).isEqualTo("ModelDeployment");
        assertThat(event.path("message").asText()).isEqualTo("2 of 2 pods ready");
        assertThat(event.path("source").path("component").asText()).isEqualTo("gantry.dev/gantry-operator");
        assertThat(other.path("items")).isEmpty();
    }

    @Test
    void servesPodLogsFromTheirSource() throws Exception {
        server.servePodLogs((namespace, pod, container) ->
                pod.equals("runner") ? java.util.Optional.of("hello from " + container) : java.util.Optional.empty());
        var base = server.url().replaceAll("/$", "");

        var found = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/default/pods/runner/log?container=main"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var missing = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/default/pods/other/log"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(found.body()).isEqualTo("hello from main");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void refusesProtobufBodiesWithUnsupportedMediaType() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + "api/v1/namespaces"))
                .header("Content-Type", "application/vnd.kubernetes.protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'k', '8', 's', 0}))
                .build();

        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void writesAKubeconfigForTheLoopbackPort() throws Exception {
        var file = Files.createTempFile("kubeconfig", ".yaml");

        server.writeKubeconfig(file, "models");

        var config = io.fabric8.kubernetes.client.Config.fromKubeconfig(Files.readString(file));
        assertThat(config.getMasterUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(config.getNamespace()).isEqualTo("models");
    }

    private static JsonNode get(String path, String accept) throws Exception {
        var base = server.url().replaceAll("/$", "");
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode array) {
        var names = new ArrayList<String>();
        array.forEach(e -> names.add(e.path("name").asText()));
        return names;
    }
}
