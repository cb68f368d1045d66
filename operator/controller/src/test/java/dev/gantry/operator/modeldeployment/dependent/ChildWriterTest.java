package dev.gantry.operator.modeldeployment.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildWriterTest {

    @Test
    void readsFromManagedFieldsWhetherTheOperatorAppliesReplicas() {
        var ours = deploymentManagedBy(ChildWriter.FIELD_MANAGER, "Apply", Map.of("f:replicas", Map.of()));
        var hpa = deploymentManagedBy("kube-controller-manager", "Update", Map.of("f:replicas", Map.of()));
        var template = deploymentManagedBy(ChildWriter.FIELD_MANAGER, "Apply", Map.of("f:template", Map.of()));

        assertThat(ChildWriter.appliesReplicas(ours, ChildWriter.FIELD_MANAGER)).isTrue();
        assertThat(ChildWriter.appliesReplicas(hpa, ChildWriter.FIELD_MANAGER)).isFalse();
        assertThat(ChildWriter.appliesReplicas(template, ChildWriter.FIELD_MANAGER))
                .isFalse();
    }

    private static io.fabric8.kubernetes.api.model.apps.Deployment deploymentManagedBy(
            String manager, String operation, Map<String, Object> specFields) {
        var fields = new FieldsV1();
        fields.setAdditionalProperty("f:spec", specFields);
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("d")
                .addToManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager(manager)
                        .withOperation(operation)
                        .withFieldsType("FieldsV1")
                        .withFieldsV1(fields)
                        .build())
                .endMetadata()
                .build();
    }
}
