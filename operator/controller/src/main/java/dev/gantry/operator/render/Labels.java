package dev.gantry.operator.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** The label set every child carries, and the selectors built from it (see docs/concepts.md). */
public final class Labels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MODEL_DEPLOYMENT = "gantry.dev/model-deployment";
    public static final String REVISION = "gantry.dev/revision";

    public static final String MANAGER = "gantry-operator";
    /** Selector of the operator's informers: only objects it manages are cached. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

    public static final String RUNTIME_APP = "gantry-runtime";
    public static final String CACHE_APP = "redis";

    /** What a child is part of, for {@code app.kubernetes.io/component}. */
    public enum Component {
        RUNTIME("runtime", RUNTIME_APP),
        CACHE("cache", CACHE_APP),
        ROUTING("routing", RUNTIME_APP);

        private final String value;
        private final String app;

        Component(String value, String app) {
            this.value = value;
            this.app = app;
        }

        public String value() {
            return value;
        }
    }

    private Labels() {}

    public static Map<String, String> of(String md, Component component) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(NAME, component.app);
        labels.put(INSTANCE, md);
        labels.put(COMPONENT, component.value);
        labels.put(PART_OF, "gantry");
        labels.put(MANAGED_BY, MANAGER);
        labels.put(MODEL_DEPLOYMENT, md);
        return labels;
    }

    public static Map<String, String> ofRevision(String md, String revision) {
        var labels = of(md, Component.RUNTIME);
        labels.put(REVISION, revision);
        return labels;
    }

    /** Every serving pod of the ModelDeployment, whatever its revision. */
    public static Map<String, String> runtimePods(String md) {
        var selector = new LinkedHashMap<String, String>();
        selector.put(MODEL_DEPLOYMENT, md);
        selector.put(COMPONENT, Component.RUNTIME.value);
        return selector;
    }

    /** The serving pods of one revision. */
    public static Map<String, String> revisionPods(String md, String revision) {
        var selector = runtimePods(md);
        selector.put(REVISION, revision);
        return selector;
    }

    public static Map<String, String> cachePods(String md) {
        var selector = new LinkedHashMap<String, String>();
        selector.put(MODEL_DEPLOYMENT, md);
        selector.put(COMPONENT, Component.CACHE.value);
        return selector;
    }
}
