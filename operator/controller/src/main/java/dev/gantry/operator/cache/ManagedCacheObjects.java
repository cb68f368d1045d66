package dev.gantry.operator.cache;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The managed Redis of one ModelDeployment: a Deployment without persistence, a StatefulSet with it.
 *
 * @param secret the generated password and the ACL file derived from it
 * @param config {@code redis.conf}
 * @param deployment the Redis when it keeps nothing on disk
 * @param statefulSet the Redis when it persists to a volume
 */
public record ManagedCacheObjects(
        Secret secret,
        ConfigMap config,
        Optional<Deployment> deployment,
        Optional<StatefulSet> statefulSet,
        Service service,
        NetworkPolicy networkPolicy) {

    public List<HasMetadata> all() {
        var all = new ArrayList<HasMetadata>();
        all.add(secret);
        all.add(config);
        all.add(service);
        deployment.ifPresent(all::add);
        statefulSet.ifPresent(all::add);
        all.add(networkPolicy);
        return all;
    }
}
