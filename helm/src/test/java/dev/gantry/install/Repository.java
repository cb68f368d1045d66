package dev.gantry.install;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the checkout the tests read, and the switch that makes staleness checks rewrite what they check. */
public final class Repository {

    private Repository() {}

    /** The repository root, from the build ({@code gantry.root}) or by walking up to {@code crds/}. */
    public static Path root() {
        var configured = System.getProperty("gantry.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        var here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("crds"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("cannot find the repository root (no crds/ above the working directory)");
        }
        return here;
    }

    public static Path chart() {
        return root().resolve("helm/gantry");
    }

    /** {@code -Dgantry.regenerate=true}: rewrite generated copies instead of failing on them. */
    public static boolean regenerate() {
        return Boolean.getBoolean("gantry.regenerate");
    }
}
