package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Writes children by server-side apply with the operator's field manager, after making sure they are the
 * operator's to write: a create is an apply that only creates (an existing object with that name is checked for
 * the owner reference before anything is written), an update or delete checks the owner reference.
 */
public final class ChildWriter {

    /** The field manager of everything the operator applies. */
    public static final String FIELD_MANAGER = "gantry-operator";
    /** Keeps {@code spec.replicas} when the operator stops applying it, so that an HPA can take it over. */
    public static final String HANDOVER_MANAGER = "gantry-operator-handover";

    private static final Logger LOG = Logger.getLogger(ChildWriter.class);
    /** No live object has this resourceVersion: an apply carrying it can only create. */
    private static final String CREATE_ONLY_VERSION = "1";

    private ChildWriter() {}

    /**
     * @param whenExisting how to update an owned object that turns out to exist already (the informer had not
     *     seen it yet): the dependent's own update, so that its rules (a kept password) apply
     */
    public static <R extends HasMetadata> R create(
            R desired,
            ModelDeployment md,
            Context<ModelDeployment> context,
            InformerEventSource<R, ModelDeployment> cache,
            UnaryOperator<R> whenExisting) {
        // The informers only see labelled objects, so the API server decides whether the name is free: an apply
        // with a resourceVersion creates a missing object and fails with 409 on an existing one.
        var createOnly = context.getClient().getKubernetesSerialization().clone(desired);
        createOnly.getMetadata().setResourceVersion(CREATE_ONLY_VERSION);
        try {
            LOG.infof("Creating %s %s", desired.getKind(), desired.getMetadata().getName());
            return context.resourceOperations().serverSideApply(createOnly, cache);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            var existing = context.getClient().resource(desired).get();
            if (existing == null) {
                throw e;
            }
            Ownership.require(existing, md);
            return whenExisting.apply(existing);
        }
    }

    public static <R extends HasMetadata> R update(
            R actual,
            R desired,
            ModelDeployment md,
            Context<ModelDeployment> context,
            InformerEventSource<R, ModelDeployment> cache) {
        Ownership.require(actual, md);
        if (actual instanceof Deployment deployment && desired instanceof Deployment wanted) {
            handOverReplicas(deployment, wanted, context);
        }
        LOG.infof("Updating %s %s", desired.getKind(), desired.getMetadata().getName());
        return context.resourceOperations().serverSideApply(desired, cache);
    }

    public static void delete(HasMetadata actual, ModelDeployment md, Context<ModelDeployment> context) {
        if (!Ownership.ownedBy(actual, md)) {
            LOG.warnf(
                    "Not deleting %s %s: it is not owned by this ModelDeployment",
                    actual.getKind(), actual.getMetadata().getName());
            return;
        }
        LOG.infof("Deleting %s %s", actual.getKind(), actual.getMetadata().getName());
        context.getClient().resource(actual).delete();
    }

    /**
     * When the operator stops applying {@code spec.replicas} (an HPA now owns the count), server-side apply would
     * remove the field and the Deployment would fall back to one pod. A second field manager first applies the
     * current count, so the field stays; the HPA's next scale then takes it over.
     */
    static void handOverReplicas(Deployment actual, Deployment desired, Context<ModelDeployment> context) {
        if (desired.getSpec().getReplicas() != null || !appliesReplicas(actual, FIELD_MANAGER)) {
            return;
        }
        var keep = new DeploymentBuilder()
                .withNewMetadata()
                .withName(actual.getMetadata().getName())
                .withNamespace(actual.getMetadata().getNamespace())
                .endMetadata()
                .withNewSpec()
                .withReplicas(actual.getSpec().getReplicas())
                .endSpec()
                .build();
        LOG.infof(
                "Handing spec.replicas=%d of Deployment %s over to the autoscaler",
                actual.getSpec().getReplicas(), actual.getMetadata().getName());
        context.getClient()
                .resource(keep)
                .patch(new PatchContext.Builder()
                        .withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager(HANDOVER_MANAGER)
                        .withForce(true)
                        .build());
    }

    /** Whether a field manager's Apply entry owns {@code spec.replicas}. */
    @SuppressWarnings("unchecked")
    static boolean appliesReplicas(HasMetadata object, String manager) {
        var entries = object.getMetadata().getManagedFields();
        if (entries == null) {
            return false;
        }
        for (ManagedFieldsEntry entry : entries) {
            if (!manager.equals(entry.getManager()) || !"Apply".equals(entry.getOperation())) {
                continue;
            }
            var fields =
                    entry.getFieldsV1() == null ? null : entry.getFieldsV1().getAdditionalProperties();
            if (fields != null
                    && fields.get("f:spec") instanceof Map<?, ?> spec
                    && ((Map<String, Object>) spec).containsKey("f:replicas")) {
                return true;
            }
        }
        return false;
    }
}
