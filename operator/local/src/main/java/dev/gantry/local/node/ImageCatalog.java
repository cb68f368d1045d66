package dev.gantry.local.node;

import java.util.List;
import java.util.Optional;

/** The images this machine can run, in place of a registry: an image nothing here runs cannot be pulled. */
final class ImageCatalog {

    private final List<LocalImage> images;

    ImageCatalog(List<LocalImage> images) {
        this.images = List.copyOf(images);
    }

    Optional<LocalImage> find(String image) {
        return images.stream().filter(i -> i.runs(image)).findFirst();
    }

    LocalImage require(String image) throws ContainerConfigException {
        return find(image)
                .orElseThrow(() -> new ContainerConfigException(
                        ContainerConfigException.IMAGE_PULL,
                        "local mode cannot run image " + image
                                + ": it runs gantry-runtime images from serving-runtime/server/target/gantry-runtime.jar"
                                + " and redis images with redis-server"));
    }
}
