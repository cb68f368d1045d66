package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelDeploymentStatus;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the command line against a mock API server, in a namespace of its own, at a fixed time. */
final class CliHarness {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final MockApiServer api;
    private final String namespace = "cli-" + UUID.randomUUID().toString().substring(0, 8);

    /** A fresh namespace on a (shared) mock API server. */
    CliHarness(MockApiServer api) {
        this.api = api;
        client().resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .create();
    }

    /** What a command printed and returned. */
    record Result(int exit, String out, String err) {}

    KubernetesClient client() {
        return api.client();
    }

    MockApiServer api() {
        return api;
    }

    String namespace() {
        return namespace;
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = command(out, err).execute(withNamespace(args));
        return new Result(exit, out.toString(), err.toString());
    }

    /** A command line writing into the given writers; for watching while the test changes the cluster. */
    CommandLine command(StringWriter out, StringWriter err) {
        // Each command closes its client, as the real one does: hand out a fresh client of the mock server.
        Clients clients = options -> new KubernetesClientBuilder()
                .withConfig(api.client().getConfiguration())
                .build();
        var command = new CommandLine(new GantryCli(clients, Clock.fixed(NOW, ZoneOffset.UTC)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command;
    }

    String[] withNamespace(String... args) {
        var all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "-n";
        all[args.length + 1] = namespace;
        return all;
    }

    ModelDeployment createModelDeployment(String yaml, Consumer<ModelDeploymentStatus> status) {
        var md = client().getKubernetesSerialization().unmarshal(yaml, ModelDeployment.class);
        md.getMetadata().setNamespace(namespace);
        var created = client().resource(md).create();
        var value = new ModelDeploymentStatus();
        status.accept(value);
        created.setStatus(value);
        return client().resource(created).updateStatus();
    }

    ModelRollout createRollout(String yaml, Consumer<ModelRolloutStatus> status) {
        var rollout = client().getKubernetesSerialization().unmarshal(yaml, ModelRollout.class);
        rollout.getMetadata().setNamespace(namespace);
        var created = client().resource(rollout).create();
        if (status == null) {
            return created;
        }
        var value = new ModelRolloutStatus();
        status.accept(value);
        created.setStatus(value);
        return client().resource(created).updateStatus();
    }

    ModelRollout rollout(String name) {
        return client().resources(ModelRollout.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    Pod createPod(String yaml) {
        var pod = client().getKubernetesSerialization().unmarshal(yaml, Pod.class);
        pod.getMetadata().setNamespace(namespace);
        var status = pod.getStatus();
        var created = client().resource(pod).create();
        created.setStatus(status);
        return client().resource(created).updateStatus();
    }
}
