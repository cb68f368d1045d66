package dev.gantry.operator.cache;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.EvictionPolicy;
import dev.gantry.api.v1alpha1.deployment.ManagedRedisSpec;
import dev.gantry.operator.render.ChildMeta;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import dev.gantry.operator.render.Revisions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;

/** Renders the Redis the operator runs for a ModelDeployment whose cache mode is Managed. */
public final class ManagedRedis {

    public static final String ACL_KEY = "users.acl";
    static final String CONFIG_KEY = "redis.conf";

    private ManagedRedis() {}

    public static Optional<ManagedCacheObjects> render(ModelDeployment md, String password) {
        var cache = md.getSpec().getCache();
        if (cache == null || cache.getMode() != dev.gantry.api.v1alpha1.deployment.CacheMode.Managed) {
            return Optional.empty();
        }
        var spec = cache.getManaged() == null ? new ManagedRedisSpec() : cache.getManaged();
        var name = md.getMetadata().getName();
        var labels = Labels.of(name, Labels.Component.CACHE);
        var config = config(md, spec);
        var secret = secret(md, password);
        var checksum = Revisions.sha256Hex(config.getData().get(CONFIG_KEY) + RedisPasswords.aclFile(password))
                .substring(0, 16);
        var template = RedisPod.template(name, spec, checksum);
        var persistence = spec.getPersistence();
        var meta = ChildMeta.of(md, Names.cache(name), labels);
        if (persistence == null) {
            var deployment = new DeploymentBuilder()
                    .withMetadata(meta)
                    .withNewSpec()
                    .withReplicas(1)
                    .withNewSelector()
                    .withMatchLabels(Labels.cachePods(name))
                    .endSelector()
                    .withNewStrategy()
                    .withType("Recreate")
                    .endStrategy()
                    .withTemplate(template)
                    .endSpec()
                    .build();
            return Optional.of(new ManagedCacheObjects(
                    secret, config, Optional.of(deployment), Optional.empty(), service(md), networkPolicy(md)));
        }
        var statefulSet = new StatefulSetBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(Names.cache(name))
                .withNewSelector()
                .withMatchLabels(Labels.cachePods(name))
                .endSelector()
                .withTemplate(template)
                .addNewVolumeClaimTemplate()
                .withNewMetadata()
                .withName(RedisPod.DATA)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(persistence.getStorageClassName())
                .withNewResources()
                .addToRequests("storage", new io.fabric8.kubernetes.api.model.Quantity(persistence.getSize()))
                .endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build();
        return Optional.of(new ManagedCacheObjects(
                secret, config, Optional.empty(), Optional.of(statefulSet), service(md), networkPolicy(md)));
    }

    /** The password and the ACL file derived from it; the operator never changes an existing one. */
    static Secret secret(ModelDeployment md, String password) {
        var name = md.getMetadata().getName();
        var data = new LinkedHashMap<String, String>();
        data.put(CacheBinding.PASSWORD_KEY, base64(password));
        data.put(ACL_KEY, base64(RedisPasswords.aclFile(password)));
        return new SecretBuilder()
                .withMetadata(ChildMeta.of(md, Names.cacheAuthSecret(name), Labels.of(name, Labels.Component.CACHE)))
                .withType("Opaque")
                .withData(data)
                .build();
    }

    static ConfigMap config(ModelDeployment md, ManagedRedisSpec spec) {
        var name = md.getMetadata().getName();
        var conf = new StringBuilder()
                .append("# Written by gantry-operator for ModelDeployment ")
                .append(name)
                .append("; change spec.cache.managed instead.\n")
                .append("bind * -::*\n")
                .append("port ")
                .append(CacheBinding.REDIS_PORT)
                .append('\n')
                .append("protected-mode yes\n")
                .append("aclfile ")
                .append(RedisPod.ACL_DIR)
                .append('/')
                .append(ACL_KEY)
                .append('\n')
                .append("maxmemory ")
                .append(RedisMemory.bytes(spec.getMaxMemory()))
                .append('\n')
                .append("maxmemory-policy ")
                .append(policy(spec.getEvictionPolicy()))
                .append('\n')
                .append("dir ")
                .append(RedisPod.DATA_DIR)
                .append('\n');
        if (spec.getPersistence() == null) {
            conf.append("appendonly no\nsave \"\"\n");
        } else {
            conf.append("appendonly yes\nappendfsync everysec\n");
        }
        return new ConfigMapBuilder()
                .withMetadata(ChildMeta.of(md, Names.cacheConfig(name), Labels.of(name, Labels.Component.CACHE)))
                .addToData(CONFIG_KEY, conf.toString())
                .build();
    }

    static String policy(EvictionPolicy policy) {
        return (policy == null ? EvictionPolicy.ALLKEYS_LRU : policy)
                .name()
                .toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-');
    }

    static Service service(ModelDeployment md) {
        var name = md.getMetadata().getName();
        return new ServiceBuilder()
                .withMetadata(ChildMeta.of(md, Names.cache(name), Labels.of(name, Labels.Component.CACHE)))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.cachePods(name))
                .addNewPort()
                .withName("redis")
                .withPort(CacheBinding.REDIS_PORT)
                .withTargetPort(new IntOrString("redis"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    /** Only this ModelDeployment's runtime pods may reach its Redis. */
    static NetworkPolicy networkPolicy(ModelDeployment md) {
        var name = md.getMetadata().getName();
        return new NetworkPolicyBuilder()
                .withMetadata(ChildMeta.of(md, Names.cache(name), Labels.of(name, Labels.Component.CACHE)))
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Labels.cachePods(name))
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewFrom()
                .withNewPodSelector()
                .withMatchLabels(Labels.runtimePods(name))
                .endPodSelector()
                .endFrom()
                .addNewPort()
                .withProtocol("TCP")
                .withPort(new IntOrString(CacheBinding.REDIS_PORT))
                .endPort()
                .endIngress()
                .endSpec()
                .build();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
