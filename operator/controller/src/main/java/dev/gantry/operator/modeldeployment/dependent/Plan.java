package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.render.DesiredState;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** Hands the reconcile's rendered {@link DesiredState} to the dependents through the JOSDK context. */
public final class Plan {

    private static final String KEY = "gantry.desired-state";

    private Plan() {}

    public static void put(Context<ModelDeployment> context, DesiredState state) {
        context.managedWorkflowAndDependentResourceContext().put(KEY, state);
    }

    public static DesiredState of(Context<ModelDeployment> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, DesiredState.class);
    }
}
