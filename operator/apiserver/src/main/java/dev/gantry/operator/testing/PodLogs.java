package dev.gantry.operator.testing;

import java.util.Optional;

/**
 * Where {@code kubectl logs} reads a container's output from, when something runs the pods (local mode's node
 * agent does): the whole log so far; {@code --follow} is not streamed.
 */
@FunctionalInterface
public interface PodLogs {

    /** The log of a container, or empty when there is none; {@code container} is null when not given. */
    Optional<String> read(String namespace, String pod, String container);
}
