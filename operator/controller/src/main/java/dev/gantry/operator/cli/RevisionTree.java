package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.RevisionStatus;
import dev.gantry.operator.render.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree under a ModelDeployment: each live revision with its role, traffic share, ready pods, model and image,
 * and under it its pods with their state, readiness, restarts and age.
 */
final class RevisionTree {

    private RevisionTree() {}

    static String render(ModelDeployment md, List<Pod> pods, Instant now) {
        var byRevision = new LinkedHashMap<String, List<Pod>>();
        var revisions = md.getStatus() == null
                ? List.<RevisionStatus>of()
                : md.getStatus().getRevisions();
        revisions.forEach(r -> byRevision.put(r.getName(), new ArrayList<>()));
        pods.stream()
                .sorted(Comparator.comparing((Pod p) -> p.getMetadata().getName()))
                .forEach(pod -> byRevision
                        .computeIfAbsent(revisionOf(pod), r -> new ArrayList<>())
                        .add(pod));

        var rows = new ArrayList<List<String>>();
        rows.add(List.of("NAME", "STATUS", "TRAFFIC", "READY", "RESTARTS", "AGE", "INFO"));
        rows.add(List.of(
                "⟳ " + md.getMetadata().getName(),
                StatusView.health(md).split(" ")[1],
                "",
                md.getStatus() == null || md.getStatus().getReady() == null
                        ? ""
                        : md.getStatus().getReady(),
                "",
                Ages.since(md.getMetadata().getCreationTimestamp(), now),
                "ModelDeployment"));
        var entries = new ArrayList<>(byRevision.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            boolean lastRevision = i == entries.size() - 1;
            var revision = entries.get(i).getKey();
            var status = revisions.stream()
                    .filter(r -> revision.equals(r.getName()))
                    .findFirst()
                    .orElse(null);
            rows.add(revisionRow(revision, status, lastRevision ? "└── " : "├── "));
            var revisionPods = entries.get(i).getValue();
            for (int j = 0; j < revisionPods.size(); j++) {
                var branch = (lastRevision ? "    " : "│   ") + (j == revisionPods.size() - 1 ? "└── " : "├── ");
                rows.add(podRow(revisionPods.get(j), branch, now));
            }
        }
        var out = new StringBuilder();
        Table.append(out, "", rows);
        return out.toString();
    }

    private static List<String> revisionRow(String revision, RevisionStatus status, String branch) {
        if (status == null) {
            return List.of(branch + "# " + revision, "Unknown", "", "", "", "", "revision not in status");
        }
        var info = new StringBuilder();
        if (status.getModel() != null) {
            info.append(status.getModel());
        }
        if (status.getImage() != null) {
            info.append(info.isEmpty() ? "" : "  ").append(status.getImage());
        }
        return List.of(
                branch + "# " + revision,
                status.getRole() == null ? "" : status.getRole().name(),
                status.getTrafficPercent() == null ? "" : status.getTrafficPercent() + "%",
                count(status.getReadyReplicas()) + "/" + count(status.getReplicas()),
                "",
                "",
                info.toString());
    }

    private static List<String> podRow(Pod pod, String branch, Instant now) {
        var state = PodState.of(pod);
        return List.of(
                branch + "□ " + pod.getMetadata().getName(),
                state.symbol() + " " + state.status(),
                "",
                state.ready() + "/" + state.containers(),
                String.valueOf(state.restarts()),
                Ages.since(pod.getMetadata().getCreationTimestamp(), now),
                "Pod");
    }

    private static String revisionOf(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        var revision = labels == null ? null : labels.get(Labels.REVISION);
        return revision == null ? "(no revision label)" : revision;
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
