package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of optional children: met when the rendered state holds the child. When it is not,
 * JOSDK deletes the child (if the operator owns it), e.g. the HPA after autoscaling is removed.
 */
public final class InDesiredState implements Condition<Object, ModelDeployment> {

    @Override
    public boolean isMet(
            DependentResource<Object, ModelDeployment> dependent,
            ModelDeployment md,
            Context<ModelDeployment> context) {
        return dependent instanceof ChildDependent<?> child && child.wanted(context);
    }
}
