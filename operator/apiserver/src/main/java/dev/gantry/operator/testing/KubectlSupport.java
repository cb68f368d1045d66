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
    private volatile PodLogs logs;
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
        var target = ResourcePath.parse(path);
        boolean watch = request.getPath().contains("watch=true");
        if (target.isPresent()
                && target.get().group().isEmpty()
                && target.get().plural().equals("events")
                && !watch) {
            return Optional.of(events(request, target.get()));
        }
        if (target.isPresent()
                && "log".equals(target.get().subresource())
                && target.get().plural().equals("pods")) {
            return Optional.of(log(request, target.get()));
        }
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

    void servePodLogs(PodLogs logs) {
        this.logs = logs;
    }

    private MockResponse events(RecordedRequest request, ResourcePath target) {
        var stored = get.apply("/apis/events.k8s.io/v1"
                + (target.namespace() == null ? "" : "/namespaces/" + target.namespace()) + "/events");
        var body = Serialization.unmarshal(stored.getBody().readUtf8(), JsonNode.class);
        var list = CoreEvents.list(body, query(request));
        if (TableConverter.wanted(request.getHeader("Accept"))) {
            return json(200, Serialization.asJson(tables.convert(list, "events", Optional.empty())));
        }
        return json(200, Serialization.asJson(list));
    }

    private MockResponse log(RecordedRequest request, ResourcePath target) {
        var container = queryParameter(request, "container");
        var text = logs == null ? Optional.<String>empty() : logs.read(target.namespace(), target.name(), container);
        return text.map(t -> new MockResponse()
                        .setResponseCode(200)
                        .setHeader("Content-Type", "text/plain")
                        .setBody(t))
                .orElseGet(() -> status(404, "NotFound", "no log for pod " + target.namespace() + "/" + target.name()));
    }

    private static String query(RecordedRequest request) {
        var path = request.getPath();
        return path.contains("?") ? path.substring(path.indexOf('?') + 1) : null;
    }

    private static String queryParameter(RecordedRequest request, String name) {
        var query = query(request);
        if (query == null) {
            return null;
        }
        for (var pair : query.split("&")) {
            var parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
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
