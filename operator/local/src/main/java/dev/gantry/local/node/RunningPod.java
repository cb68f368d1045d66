package dev.gantry.local.node;

import java.util.List;
import java.util.Map;

/**
 * A pod this node runs, as tests and people see it: its name, labels, host ports and the process ids of its
 * running containers.
 */
public record RunningPod(
        String namespace,
        String name,
        Map<String, String> labels,
        Map<Integer, Integer> hostPorts,
        List<Long> pids,
        boolean ready,
        boolean terminating) {

    static RunningPod of(LocalPod pod) {
        return new RunningPod(
                pod.namespace,
                pod.name,
                Map.copyOf(pod.labels),
                Map.copyOf(pod.hostPorts()),
                pod.processes().stream().map(p -> p.pid()).toList(),
                pod.ready(),
                pod.terminating());
    }
}
