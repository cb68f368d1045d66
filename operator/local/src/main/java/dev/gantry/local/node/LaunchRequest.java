package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A container about to start: its spec, its environment (resolved, with container paths and Service names already
 * mapped), its arguments (the same), its ports (container port → loopback host port), its files and memory limit.
 */
record LaunchRequest(
        String pod,
        Container container,
        List<String> command,
        List<String> args,
        Map<String, String> environment,
        Map<Integer, Integer> hostPorts,
        PodFilesystem files,
        OptionalLong memoryLimitBytes) {

    /** The host port of a container port, or the port itself when the container does not declare it. */
    int hostPort(int containerPort) {
        return hostPorts.getOrDefault(containerPort, containerPort);
    }
}
