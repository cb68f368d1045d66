package dev.gantry.operator.modeldeployment;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelDeploymentStatus;
import dev.gantry.operator.modeldeployment.status.Conditions;
import dev.gantry.operator.modeldeployment.status.Reason;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns status transitions into Events: a Warning when Degraded newly reports something a person must fix,
 * Normal ones when a revision starts rolling out, is promoted, or the model becomes available. Computed from
 * the old and new status, so a restarted operator does not repeat them.
 */
final class StatusEvents {

    private static final Set<Reason> SPEC_PROBLEMS = EnumSet.of(
            Reason.InvalidSpec,
            Reason.SecretNotFound,
            Reason.ServiceAccountNotFound,
            Reason.PersistentVolumeClaimNotFound,
            Reason.ResourceConflict);

    private StatusEvents() {}

    static void emit(
            EventRecorder events, ModelDeployment md, ModelDeploymentStatus before, ModelDeploymentStatus after) {
        var old = before == null ? List.<Condition>of() : before.getConditions();
        var degraded = Conditions.find(after.getConditions(), Conditions.DEGRADED);
        if (degraded.isPresent() && "True".equals(degraded.get().getStatus())) {
            var now = degraded.get();
            var previous = Conditions.find(old, Conditions.DEGRADED).filter(c -> "True".equals(c.getStatus()));
            boolean newReason =
                    previous.isEmpty() || !previous.get().getReason().equals(now.getReason());
            // Pod messages change with every restart; a spec problem's message names what to fix.
            boolean newSpecProblem = previous.isPresent()
                    && SPEC_PROBLEMS.contains(Reason.valueOf(now.getReason()))
                    && !Objects.equals(previous.get().getMessage(), now.getMessage());
            if (newReason || newSpecProblem) {
                events.warning(md, now.getReason(), now.getMessage());
            }
        }
        var stableBefore = before == null ? null : before.getStableRevision();
        if (stableBefore != null && !stableBefore.equals(after.getStableRevision())) {
            events.normal(
                    md,
                    "RevisionPromoted",
                    "revision " + after.getStableRevision() + " (" + after.getStableModel() + ") replaced "
                            + stableBefore + " as the stable revision");
        }
        var currentBefore = before == null ? null : before.getCurrentRevision();
        if (after.getCurrentRevision() != null
                && !after.getCurrentRevision().equals(currentBefore)
                && !after.getCurrentRevision().equals(after.getStableRevision())) {
            events.normal(
                    md,
                    Reason.RevisionRollingOut.name(),
                    "revision " + after.getCurrentRevision() + " rolls out beside stable " + after.getStableRevision());
        }
        if (!Conditions.isTrue(old, Conditions.READY) && Conditions.isTrue(after.getConditions(), Conditions.READY)) {
            events.normal(
                    md,
                    Reason.Available.name(),
                    Conditions.find(after.getConditions(), Conditions.READY)
                            .orElseThrow()
                            .getMessage());
        }
    }
}
