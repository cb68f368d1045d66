package dev.gantry.engine;

/**
 * Process-wide DJL settings applied before DJL starts: offline mode (PyTorch natives come from the
 * classpath or {@code PYTORCH_LIBRARY_PATH}, never from a download) and no usage tracking.
 */
final class DjlSettings {
    private DjlSettings() {}

    static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null
                && System.getenv(key.equals("ai.djl.offline") ? "DJL_OFFLINE" : key) == null) {
            System.setProperty(key, value);
        }
    }
}
