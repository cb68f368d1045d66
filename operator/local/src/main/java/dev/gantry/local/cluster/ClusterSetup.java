package dev.gantry.local.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fresh cluster has before Gantry is installed, and what a user applies: the {@code default} namespace, the
 * Gateway API HTTPRoute CRD (the local gateway implements it), and manifests applied with server-side apply as
 * {@code kubectl apply --server-side} does.
 */
public final class ClusterSetup {

    public static final String FIELD_MANAGER = "gantry-local";

    private ClusterSetup() {}

    public static void namespace(KubernetesClient client, String name) {
        if (client.namespaces().withName(name).get() == null) {
            client.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    /** Applies every YAML file of a directory (sorted by name) or one file, into {@code namespace} where unset. */
    public static List<HasMetadata> apply(KubernetesClient client, Path manifests, String namespace) {
        var applied = new ArrayList<HasMetadata>();
        for (var file : yamlFiles(manifests)) {
            try (var in = Files.newInputStream(file)) {
                for (var item : client.load(in).items()) {
                    if (item.getMetadata().getNamespace() == null) {
                        item.getMetadata().setNamespace(namespace);
                    }
                    applied.add(client.resource(item)
                            .fieldManager(FIELD_MANAGER)
                            .forceConflicts()
                            .serverSideApply());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return applied;
    }

    private static List<Path> yamlFiles(Path manifests) {
        if (Files.isRegularFile(manifests)) {
            return List.of(manifests);
        }
        try (var files = Files.list(manifests)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + manifests, e);
        }
    }
}
