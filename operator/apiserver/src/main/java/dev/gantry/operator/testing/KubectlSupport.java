package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What kubectl needs from an API server beyond fabric8's CRUD: discovery documents, server-side printing of
 * {@code kubectl get}, JSON content types, and a clear 415 for protobuf bodies (which the mock cannot read; kubectl
 * sends them only for a few typed commands such as {@code kubectl create namespace}).
 */
final class KubectlSupport {

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final Function<String, MockResponse> get;
    private final ApiDiscovery discovery = new ApiDiscovery(this::crds);
    private final OpenApiV3 openApi = new OpenApiV3(discovery::resources);
    private final TableConverter tables = new TableConverter(Clock.systemUTC());

    KubectlSupport(Function<String, MockResponse> get) {
        this.get = get;
    }

    /** An answer the mock server would get wrong, or empty to let it answer. */
    Optional<MockResponse> before(RecordedRequest request) {
        var contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf")) {
            return Optional.of(status(415, "UnsupportedMediaType", "this API server reads JSON and YAML only"));
        }
        if (!"GET".equals(request.getMethod())) {
            return Optional.empty();
        }
        var path = pathOf(request);
        if (path.startsWith("/openapi/")) {
            return Optional.of(openApi.answer(path)
                    .map(document -> json(200, Serialization.asJson(document)))
                    .orElseGet(() -> status(404, "NotFound", "this API server publishes no OpenAPI v2 or schemas")));
        }
        return discovery.answer(path).map(document -> json(200, Serialization.asJson(document)));
    }

    /** The mock server's answer, typed as JSON and printed as a Table when kubectl asks for one. */
    MockResponse after(RecordedRequest request, MockResponse response) {
        if (response.getWebSocketListener() != null) {
            return response;
        }
        if (response.header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        if (!"GET".equals(request.getMethod())
                || response.code() != 200
                || !TableConverter.wanted(request.getHeader("Accept"))) {
            return response;
        }
        var target = ResourcePath.parse(pathOf(request));
        if (target.isEmpty() || target.get().subresource() != null) {
            return response;
        }
        try {
            var body = Serialization.unmarshal(response.getBody().readUtf8(), JsonNode.class);
            var table = tables.convert(body, target.get().plural(), printerColumns(target.get()));
            return json(200, Serialization.asJson(table));
        } catch (RuntimeException e) {
            return status(500, "InternalError", "cannot print a table: " + e.getMessage());
        }
    }

    private Optional<JsonNode> printerColumns(ResourcePath target) {
        return crds().stream()
                .filter(crd -> crd.path("spec").path("group").asText().equals(target.group())
                        && crd.path("spec")
                                .path("names")
                                .path("plural")
                                .asText()
                                .equals(target.plural()))
                .flatMap(crd -> {
                    var versions = new ArrayList<JsonNode>();
                    crd.path("spec").path("versions").forEach(versions::add);
                    return versions.stream();
                })
                .filter(version -> version.path("name").asText().equals(target.version()))
                .map(version -> version.path("additionalPrinterColumns"))
                .filter(columns -> !columns.isMissingNode())
                .findFirst();
    }

    private List<JsonNode> crds() {
        var response = get.apply(CRDS);
        var items = new ArrayList<JsonNode>();
        if (response.code() == 200) {
            Serialization.unmarshal(response.getBody().readUtf8(), JsonNode.class)
                    .path("items")
                    .forEach(items::add);
        }
        return items;
    }

    private static String pathOf(RecordedRequest request) {
        var path = request.getPath();
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    private static MockResponse status(int code, String reason, String message) {
        return json(
                code,
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code + ",\"reason\":\""
                        + reason + "\",\"message\":\"" + message + "\"}");
    }
}
