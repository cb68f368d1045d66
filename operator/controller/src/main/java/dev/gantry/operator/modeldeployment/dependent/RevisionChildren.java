package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One child per live revision, keyed by revision: revisions no longer live lose their object, which is how an
 * old revision's Deployment, Service and ConfigMap go away after a replacement.
 */
public abstract class RevisionChildren<R extends HasMetadata>
        extends CRUDKubernetesDependentResource<R, ModelDeployment>
        implements BulkDependentResource<R, ModelDeployment, String> {

    protected RevisionChildren(Class<R> type) {
        super(type);
    }

    /** The rendered objects of every live revision. */
    protected abstract Map<String, R> select(DesiredState state);

    @Override
    public Map<String, R> desiredResources(ModelDeployment md, Context<ModelDeployment> context) {
        return select(Plan.of(context));
    }

    @Override
    public Map<String, R> getSecondaryResources(ModelDeployment md, Context<ModelDeployment> context) {
        return context.getSecondaryResourcesAsStream(resourceType())
                .filter(object -> isRevisionObject(object, md))
                .collect(Collectors.toMap(this::key, object -> object, (a, b) -> a));
    }

    /** The key an observed object is matched with its desired form by: its revision. */
    protected String key(R object) {
        return object.getMetadata().getLabels().get(Labels.REVISION);
    }

    /** Revision objects carry the revision label; the stable Service {@code <name>} does not. */
    protected boolean isRevisionObject(R object, ModelDeployment md) {
        var labels = object.getMetadata().getLabels();
        return labels != null
                && labels.containsKey(Labels.REVISION)
                && Labels.Component.RUNTIME.value().equals(labels.get(Labels.COMPONENT))
                && md.getMetadata().getName().equals(labels.get(Labels.MODEL_DEPLOYMENT));
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
    public void deleteTargetResource(ModelDeployment md, R resource, String key, Context<ModelDeployment> context) {
        ChildWriter.delete(resource, md, context);
    }
}
