package dev.gantry.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock server's server-side apply must behave as the operator expects the real one to. */
class ApplyMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mergesMapsAndNamedListElementsAndReplacesOtherLists() {
        var live = node("{\"a\":{\"x\":1,\"y\":2},\"c\":[{\"name\":\"n\",\"v\":1,\"w\":9}],\"l\":[1,2]}");

        ApplyMerge.apply(live, null, node("{\"a\":{\"x\":5},\"c\":[{\"name\":\"n\",\"v\":2}],\"l\":[3]}"), List.of());

        assertThat(live)
                .isEqualTo(node("{\"a\":{\"x\":5,\"y\":2},\"c\":[{\"name\":\"n\",\"v\":2,\"w\":9}],\"l\":[3]}"));
    }

    @Test
    void removesWhatTheManagerStoppedApplyingUnlessAnotherManagerAppliesIt() {
        var live = node("{\"meta\":{\"team\":\"a\",\"lb\":\"x\"},\"replicas\":3}");
        var previous = node("{\"meta\":{\"team\":\"a\"},\"replicas\":3}");
        var handover = node("{\"replicas\":3}");

        ApplyMerge.apply(live, previous, node("{\"meta\":{}}"), List.of(handover));

        assertThat(live).isEqualTo(node("{\"meta\":{\"lb\":\"x\"},\"replicas\":3}"));
    }

    @Test
    void removesAnElementOfANamedListTheManagerNoLongerApplies() {
        var live =
                node("{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"C\"}]}");
        var previous = node("{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]}");

        ApplyMerge.apply(live, previous, node("{\"env\":[{\"name\":\"A\",\"value\":\"1\"}]}"), List.of());

        assertThat(live).isEqualTo(node("{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"C\"}]}"));
    }

    @Test
    void describesTheAppliedFieldsAsFieldsV1() {
        var fields = ApplyMerge.fieldsV1(
                node("{\"spec\":{\"replicas\":1,\"containers\":[{\"name\":\"r\",\"image\":\"i\"}]}}"));

        assertThat(fields.toString())
                .isEqualTo(
                        "{\"f:spec\":{\"f:replicas\":{},\"f:containers\":{\"k:{\\\"name\\\":\\\"r\\\"}\":{\"f:name\":{},\"f:image\":{}}}}}");
    }

    private static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
