package dev.gantry.local.node;

import java.nio.file.Path;
import java.util.Map;

/** An image local mode can run: which image references it stands for, its files, and how it starts a container. */
interface LocalImage {

    boolean runs(String image);

    /** Paths inside the image (the container's view) and where they are on this machine. */
    Map<String, Path> files();

    LaunchPlan launch(LaunchRequest request) throws ContainerConfigException;

    /** The repository's last path segment of an image reference: {@code redis} for {@code docker.io/library/redis:7}. */
    static String repositoryName(String image) {
        var withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        var slash = withoutDigest.lastIndexOf('/');
        var name = withoutDigest.substring(slash + 1);
        return name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    }
}
