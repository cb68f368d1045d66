package dev.gantry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.v1alpha1.ModelDeploymentSpec;
import dev.gantry.api.v1alpha1.ModelRolloutSpec;
import io.fabric8.generator.annotation.Default;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API server applies schema defaults; the mock server and {@code render} do not. The Java types carry
 * the same defaults as field initialisers so the operator sees one behaviour either way.
 */
class SchemaDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySchemaDefaultIsAlsoTheJavaInitialValue() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Class<?> type : reachableTypes(ModelDeploymentSpec.class, ModelRolloutSpec.class)) {
            Object fresh = type.getDeclaredConstructor().newInstance();
            for (Field field : type.getDeclaredFields()) {
                Default schemaDefault = field.getAnnotation(Default.class);
                if (schemaDefault == null) {
                    continue;
                }
                field.setAccessible(true);
                Object initial = field.get(fresh);
                JsonNode expected = parseDefault(schemaDefault.value(), field);
                boolean matches = expected.isObject() && expected.isEmpty()
                        ? initial != null
                        : expected.equals(JSON.valueToTree(initial)) || numericallyEqual(expected, initial);
                if (!matches) {
                    mismatches.add(type.getSimpleName() + "." + field.getName() + ": schema " + expected + ", Java "
                            + JSON.valueToTree(initial));
                }
            }
        }

        assertThat(mismatches).isEmpty();
    }

    private static JsonNode parseDefault(String value, Field field) throws Exception {
        try {
            return JSON.readTree(value);
        } catch (Exception notJson) {
            return JSON.valueToTree(value);
        }
    }

    private static boolean numericallyEqual(JsonNode expected, Object initial) {
        return expected.isNumber() && initial instanceof Number n && expected.asDouble() == n.doubleValue();
    }

    private static Set<Class<?>> reachableTypes(Class<?>... roots) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>(List.of(roots));
        while (!queue.isEmpty()) {
            Class<?> type = queue.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                Class<?> fieldType = field.getType();
                if (fieldType.getPackageName().startsWith("dev.gantry.api") && !fieldType.isEnum()) {
                    queue.add(fieldType);
                }
            }
        }
        return seen;
    }
}
