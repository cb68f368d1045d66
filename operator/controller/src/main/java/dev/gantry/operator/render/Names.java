package dev.gantry.operator.render;

/** Every child's name, derived from the ModelDeployment's name in one place (see docs/concepts.md). */
public final class Names {

    /** Longest ModelDeployment name whose per-revision Service {@code <name>-<revision>} is still a DNS label. */
    public static final int MAX_NAME_LENGTH = 63 - 1 - Revisions.HASH_LENGTH;

    private Names() {}

    public static String stableService(String md) {
        return md;
    }

    public static String revision(String md, String revision) {
        return md + "-" + revision;
    }

    public static String runtimeConfig(String md, String revision) {
        return revision(md, revision) + "-runtime";
    }

    public static String runtimeServiceAccount(String md) {
        return md + "-runtime";
    }

    public static String autoscaler(String md) {
        return md;
    }

    public static String disruptionBudget(String md) {
        return md;
    }

    public static String ingress(String md) {
        return md;
    }

    public static String canaryIngress(String md) {
        return md + "-canary";
    }

    public static String httpRoute(String md) {
        return md;
    }

    public static String cache(String md) {
        return md + "-cache";
    }

    public static String cacheAuthSecret(String md) {
        return md + "-cache-auth";
    }

    public static String cacheConfig(String md) {
        return md + "-cache-config";
    }
}
