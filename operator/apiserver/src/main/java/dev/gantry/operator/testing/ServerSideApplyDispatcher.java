package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's CRUD mock API server plus server-side apply, which it lacks: an apply creates the object or merges
 * into it by {@link ApplyMerge}, records the field manager's applied configuration and writes a
 * {@code managedFields} entry for it, and keeps the status unless the status subresource is applied. Every apply
 * is remembered, so tests can see which field manager applied what. {@link KubectlSupport} adds what kubectl
 * needs (discovery, tables).
 */
public final class ServerSideApplyDispatcher extends KubernetesCrudDispatcher {

    private static final String APPLY = "application/apply-patch+yaml";

    /** Last applied configuration per object path and field manager. */
    private final Map<String, Map<String, JsonNode>> applied = new ConcurrentHashMap<>();

    private final List<Apply> applies = new CopyOnWriteArrayList<>();

    private final Map<String, java.util.concurrent.atomic.AtomicLong> requests = new ConcurrentHashMap<>();

    private final KubectlSupport kubectl = new KubectlSupport(this::handleGet);

    /** One apply request as the server received it. */
    public record Apply(String path, String fieldManager, JsonNode body) {}

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        var contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith(APPLY)) {
            return super.handlePatch(request);
        }
        synchronized (this) {
            return apply(request);
        }
    }

    /** Answers the operator's leader-election permission check as an API server granting it everything. */
    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        if (request.getPath().contains("/selfsubjectrulesreviews")) {
            return new MockResponse()
                    .setResponseCode(201)
                    .setBody("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectRulesReview\","
                            + "\"status\":{\"incomplete\":false,\"resourceRules\":[{\"verbs\":[\"*\"],"
                            + "\"apiGroups\":[\"*\"],\"resources\":[\"*\"]}]}}");
        }
        return super.handleCreate(request);
    }

    @Override
    public MockResponse handleDelete(String path) {
        applied.remove(objectPath(path));
        return super.handleDelete(path);
    }

    /** Serves {@code kubectl logs} from this source. */
    public void servePodLogs(PodLogs logs) {
        kubectl.servePodLogs(logs);
    }

    public List<Apply> applies() {
        return List.copyOf(applies);
    }

    /** Requests served so far, by method (and APPLY for server-side applies); watches count once. */
    public Map<String, Long> requestCounts() {
        var counts = new java.util.TreeMap<String, Long>();
        requests.forEach((method, count) -> counts.put(method, count.get()));
        return counts;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        var contentType = request.getHeader("Content-Type");
        var method = contentType != null && contentType.startsWith(APPLY) ? "APPLY" : request.getMethod();
        requests.computeIfAbsent(method, m -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
        var answer = kubectl.before(request);
        return answer.isPresent() ? answer.get() : kubectl.after(request, super.dispatch(request));
    }

    private MockResponse apply(RecordedRequest request) {
        var fullPath = request.getPath();
        var path = fullPath.contains("?") ? fullPath.substring(0, fullPath.indexOf('?')) : fullPath;
        var manager = query(fullPath, "fieldManager");
        var body = (ObjectNode) Serialization.unmarshal(request.getBody().readUtf8(), JsonNode.class);
        var wantedVersion = body.path("metadata").path("resourceVersion").asText("");
        if (body.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("resourceVersion");
        }
        boolean status = path.endsWith("/status");
        var object = objectPath(path);
        applies.add(new Apply(object, manager, body.deepCopy()));
        var existing = findResource(getKey(object));
        var managers = applied.computeIfAbsent(object, k -> new ConcurrentHashMap<>());
        if (existing == null) {
            if (status) {
                return new MockResponse().setResponseCode(404);
            }
            var created = body.deepCopy();
            created.remove("status");
            managers.put(manager, created.deepCopy());
            setManagedFields(created, managers);
            var collection = object.substring(0, object.lastIndexOf('/'));
            return handleCreate(request(HttpMethod.POST, collection, created));
        }
        JsonNode live;
        try {
            live = asNode(existing);
        } catch (Exception e) {
            return new MockResponse().setResponseCode(422).setBody(e.getMessage());
        }
        var liveVersion = live.path("metadata").path("resourceVersion").asText("");
        if (!wantedVersion.isEmpty() && !wantedVersion.equals(liveVersion)) {
            return new MockResponse()
                    .setResponseCode(409)
                    .setBody("{\"kind\":\"Status\",\"code\":409,\"reason\":\"Conflict\"}");
        }
        var merged = (ObjectNode) live.deepCopy();
        var key = status ? manager + "/status" : manager;
        var others = new ArrayList<JsonNode>();
        managers.forEach((m, config) -> {
            if (!m.equals(key) && m.endsWith("/status") == status) {
                others.add(config);
            }
        });
        var part = status ? body.path("status") : withoutStatus(body);
        if (status) {
            var liveStatus = merged.has("status") && merged.get("status").isObject()
                    ? (ObjectNode) merged.get("status")
                    : merged.putObject("status");
            ApplyMerge.apply(liveStatus, managers.get(key), part, others);
        } else {
            var liveStatus = merged.get("status");
            ApplyMerge.apply(merged, managers.get(key), part, others);
            if (liveStatus != null) {
                merged.set("status", liveStatus);
            }
        }
        managers.put(key, part.deepCopy());
        ((ObjectNode) merged.get("metadata")).put("resourceVersion", liveVersion);
        if (!status) {
            setManagedFields(merged, managers);
        }
        return handleUpdate(request(HttpMethod.PUT, path, merged));
    }

    private static JsonNode withoutStatus(ObjectNode body) {
        var copy = body.deepCopy();
        copy.remove("status");
        return copy;
    }

    private static void setManagedFields(ObjectNode object, Map<String, JsonNode> managers) {
        var entries = JsonNodeFactory.instance.arrayNode();
        managers.forEach((manager, config) -> {
            if (manager.endsWith("/status")) {
                return;
            }
            var entry = entries.addObject();
            entry.put("manager", manager);
            entry.put("operation", "Apply");
            entry.put("apiVersion", object.path("apiVersion").asText());
            entry.put("time", Instant.now().toString());
            entry.put("fieldsType", "FieldsV1");
            var fields = (ObjectNode) config.deepCopy();
            fields.remove("apiVersion");
            fields.remove("kind");
            entry.set("fieldsV1", ApplyMerge.fieldsV1(fields));
        });
        ((ObjectNode) object.with("metadata")).set("managedFields", entries);
    }

    private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
        var headers = Headers.builder().add("Content-Type", "application/json").build();
        var buffer = new Buffer().writeUtf8(Serialization.asJson(body));
        return new RecordedRequest("HTTP/1.1", method, path, headers, buffer);
    }

    private static String objectPath(String path) {
        var clean = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return clean.endsWith("/status") ? clean.substring(0, clean.length() - "/status".length()) : clean;
    }

    private static String query(String path, String name) {
        int start = path.indexOf('?');
        if (start < 0) {
            return "unknown";
        }
        for (var pair : path.substring(start + 1).split("&")) {
            var parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return "unknown";
    }
}
