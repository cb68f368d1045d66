package dev.gantry.operator.modelrollout;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What people asked for through annotations: one-shot commands (promote, abort, retry) that the operator acts on
 * once and removes, and the standing pause ({@code gantry.dev/paused=true}, or {@code spec.paused} for GitOps).
 * Annotations need only {@code patch} on modelrollouts and cannot race with the operator's status writes.
 */
final class Commands {

    static final String PROMOTE = "gantry.dev/promote";
    static final String ABORT = "gantry.dev/abort";
    static final String RETRY = "gantry.dev/retry";
    static final String PAUSED = "gantry.dev/paused";

    /** How far a promotion goes: past the current step, or to the end. */
    enum Promote {
        STEP,
        FULL
    }

    private final Map<String, String> oneShots = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final boolean annotationHold;
    private final boolean specHold;

    Commands(Map<String, String> annotations, boolean specPaused) {
        var all = annotations == null ? Map.<String, String>of() : annotations;
        for (var key : List.of(PROMOTE, ABORT, RETRY)) {
            if (all.containsKey(key)) {
                oneShots.put(key, all.get(key) == null ? "" : all.get(key).trim());
            }
        }
        this.annotationHold =
                "true".equalsIgnoreCase(String.valueOf(all.get(PAUSED)).trim());
        this.specHold = specPaused;
    }

    static Commands of(HasMetadata resource, boolean specPaused) {
        return new Commands(resource.getMetadata().getAnnotations(), specPaused);
    }

    static Commands none() {
        return new Commands(Map.of(), false);
    }

    /** The promotion asked for, until it was acted on. */
    Optional<Promote> promote() {
        return used.contains(PROMOTE) ? Optional.empty() : value(PROMOTE);
    }

    private Optional<Promote> value(String key) {
        return switch (oneShots.getOrDefault(key, "")) {
            case "step" -> Optional.of(Promote.STEP);
            case "full" -> Optional.of(Promote.FULL);
            default -> Optional.empty();
        };
    }

    boolean abort() {
        return !used.contains(ABORT) && "true".equals(oneShots.get(ABORT));
    }

    boolean retry() {
        return !used.contains(RETRY) && "true".equals(oneShots.get(RETRY));
    }

    /** Why the rollout must hold: {@code Annotation} or {@code Spec}, or empty. */
    Optional<String> hold() {
        return annotationHold
                ? Optional.of(PauseReasons.ANNOTATION)
                : specHold ? Optional.of(PauseReasons.SPEC) : Optional.empty();
    }

    void use(String key) {
        used.add(key);
    }

    /** Every one-shot annotation present: each is removed once this reconcile's status is decided. */
    List<String> consumed() {
        return List.copyOf(oneShots.keySet());
    }

    /** One-shot annotations present but not acted on, as {@code key=value} with whether the value is valid. */
    List<Map.Entry<String, Boolean>> unused() {
        var result = new ArrayList<Map.Entry<String, Boolean>>();
        oneShots.forEach((key, value) -> {
            if (!used.contains(key)) {
                boolean valid = key.equals(PROMOTE) ? value(PROMOTE).isPresent() : "true".equals(value);
                result.add(Map.entry(key + "=" + value, valid));
            }
        });
        return result;
    }
}
