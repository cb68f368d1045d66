package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.render.DesiredState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;

/**
 * A single child of a ModelDeployment: its desired form comes from the reconcile's {@link DesiredState}; an
 * empty one means it must not exist (see {@link InDesiredState}).
 */
public abstract class ChildDependent<R extends HasMetadata>
        extends CRUDKubernetesDependentResource<R, ModelDeployment> {

    protected ChildDependent(Class<R> type) {
        super(type);
    }

    /** The child as rendered, or empty when it must not exist. */
    protected abstract Optional<R> select(DesiredState state);

    /** The child's name, known without rendering, so that a child no longer wanted can still be found. */
    protected abstract String childName(String md);

    boolean wanted(Context<ModelDeployment> context) {
        return select(Plan.of(context)).isPresent();
    }

    @Override
    protected R desired(ModelDeployment md, Context<ModelDeployment> context) {
        return select(Plan.of(context))
                .orElseThrow(() -> new IllegalStateException(getClass().getSimpleName() + " is not wanted"));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(ModelDeployment md, Context<ModelDeployment> context) {
        return new ResourceID(
                childName(md.getMetadata().getName()), md.getMetadata().getNamespace());
    }

    @Override
    public Result<R> match(R actual, R desired, ModelDeployment md, Context<ModelDeployment> context) {
        Ownership.require(actual, md);
        return Result.computed(ChildMatcher.matches(desired, actual), desired);
    }

    @Override
    public R create(R desired, ModelDeployment md, Context<ModelDeployment> context) {
        return ChildWriter.create(
                desired, md, context, eventSource().orElse(null), existing -> update(existing, desired, md, context));
    }

    @Override
    public R update(R actual, R desired, ModelDeployment md, Context<ModelDeployment> context) {
        return ChildWriter.update(actual, desired, md, context, eventSource().orElse(null));
    }

    @Override
    protected void handleDelete(ModelDeployment md, R secondary, Context<ModelDeployment> context) {
        if (secondary != null) {
            ChildWriter.delete(secondary, md, context);
        }
    }
}
