package dev.gantry.operator.render;

import java.util.Locale;

/**
 * A parsed model (or tokenizer) URI: where the files come from and where the runtime finds them.
 *
 * @param scheme how the files reach the pod
 * @param uri the URI as written
 * @param claim PersistentVolumeClaim name, for {@code pvc://}
 * @param subPath path inside the claim (empty for its root), for {@code pvc://}
 * @param imagePath directory inside the runtime image, for {@code file://}
 */
public record ModelLocation(Scheme scheme, String uri, String claim, String subPath, String imagePath) {

    /** How the files reach the pod. */
    public enum Scheme {
        /** A PersistentVolumeClaim mounted read-only. */
        PVC,
        /** Downloaded from the Hugging Face Hub by an init container. */
        HF,
        /** An archive downloaded over HTTPS by an init container. */
        HTTPS,
        /** A directory already inside the runtime image. */
        FILE;

        public boolean downloaded() {
            return this == HF || this == HTTPS;
        }
    }

    public static ModelLocation parse(String uri) {
        var lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pvc://")) {
            var rest = uri.substring("pvc://".length());
            int slash = rest.indexOf('/');
            var claim = slash < 0 ? rest : rest.substring(0, slash);
            var subPath = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
            return new ModelLocation(Scheme.PVC, uri, claim, subPath, null);
        }
        if (lower.startsWith("hf://")) {
            return new ModelLocation(Scheme.HF, uri, null, null, null);
        }
        if (lower.startsWith("https://")) {
            return new ModelLocation(Scheme.HTTPS, uri, null, null, null);
        }
        if (lower.startsWith("file://")) {
            return new ModelLocation(Scheme.FILE, uri, null, null, uri.substring("file://".length()));
        }
        throw new IllegalArgumentException(
                "unsupported model URI scheme (use pvc://, hf://, https:// or file:///): " + uri);
    }

    private static String trimSlashes(String path) {
        var result = path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
