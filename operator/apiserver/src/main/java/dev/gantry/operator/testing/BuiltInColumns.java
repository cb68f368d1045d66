package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.operator.testing.TableConverter.Column;
import java.util.ArrayList;
import java.util.List;

/** The columns {@code kubectl get} shows for pods, Deployments and Services, between NAME and AGE. */
final class BuiltInColumns {

    private BuiltInColumns() {}

    static List<Column> of(String plural) {
        return switch (plural) {
            case "pods" ->
                List.of(
                        new Column("Ready", "string", 0, BuiltInColumns::podReady),
                        new Column("Status", "string", 0, BuiltInColumns::podStatus),
                        new Column("Restarts", "string", 0, BuiltInColumns::restarts),
                        new Column("IP", "string", 1, o -> text(o.path("status").path("podIP"))),
                        new Column("Node", "string", 1, o -> text(o.path("spec").path("nodeName"))));
            case "deployments" ->
                List.of(
                        new Column("Ready", "string", 0, o -> count(o, "readyReplicas") + "/" + replicas(o)),
                        new Column("Up-to-date", "integer", 0, o -> count(o, "updatedReplicas")),
                        new Column("Available", "integer", 0, o -> count(o, "availableReplicas")));
            case "services" ->
                List.of(
                        new Column(
                                "Type",
                                "string",
                                0,
                                o -> o.path("spec").path("type").asText("ClusterIP")),
                        new Column(
                                "Cluster-IP",
                                "string",
                                0,
                                o -> o.path("spec").path("clusterIP").asText("<none>")),
                        new Column("Port(s)", "string", 0, BuiltInColumns::ports),
                        new Column(
                                "Selector",
                                "string",
                                1,
                                o -> selector(o.path("spec").path("selector"))));
            case "events" ->
                List.of(
                        new Column("Type", "string", 0, o -> o.path("type").asText()),
                        new Column("Reason", "string", 0, o -> o.path("reason").asText()),
                        new Column(
                                "Object",
                                "string",
                                0,
                                o -> o.path("involvedObject")
                                                .path("kind")
                                                .asText()
                                                .toLowerCase() + "/"
                                        + o.path("involvedObject").path("name").asText()),
                        new Column(
                                "Message", "string", 0, o -> o.path("message").asText()));
            default -> List.of();
        };
    }

    private static String podReady(JsonNode pod) {
        var statuses = pod.path("status").path("containerStatuses");
        int ready = 0;
        for (var status : statuses) {
            ready += status.path("ready").asBoolean() ? 1 : 0;
        }
        return ready + "/" + pod.path("spec").path("containers").size();
    }

    private static String podStatus(JsonNode pod) {
        if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
            return "Terminating";
        }
        for (var status : pod.path("status").path("containerStatuses")) {
            var waiting = status.path("state").path("waiting").path("reason");
            var terminated = status.path("state").path("terminated").path("reason");
            if (waiting.isTextual()) {
                return waiting.asText();
            }
            if (terminated.isTextual()) {
                return terminated.asText();
            }
        }
        return pod.path("status").path("phase").asText("Pending");
    }

    private static String restarts(JsonNode pod) {
        int restarts = 0;
        for (var status : pod.path("status").path("containerStatuses")) {
            restarts += status.path("restartCount").asInt();
        }
        return String.valueOf(restarts);
    }

    private static int count(JsonNode deployment, String field) {
        return deployment.path("status").path(field).asInt(0);
    }

    private static int replicas(JsonNode deployment) {
        return deployment.path("spec").path("replicas").asInt(1);
    }

    private static String ports(JsonNode service) {
        var ports = new ArrayList<String>();
        for (var port : service.path("spec").path("ports")) {
            ports.add(port.path("port").asText() + "/" + port.path("protocol").asText("TCP"));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    private static String selector(JsonNode selector) {
        var parts = new ArrayList<String>();
        selector.fields()
                .forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        return parts.isEmpty() ? "<none>" : String.join(",", parts);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : "<none>";
    }
}
