package dev.gantry.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.testing.Cluster;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * N ModelDeployments (the cpu-tiny example: ten children each) created at once against the mock API server,
 * reconciled by the packaged operator in its own JVM. Measures the time until every one is materialised
 * (all children exist, status observed), the time until every one is Ready once its Deployments report ready
 * pods, reconcile duration percentiles, and the operator's resident memory. Not a test: run it by hand,
 *
 * <pre>
 * ./mvnw -B -pl operator/controller -am package -DskipTests
 * ./mvnw -B -pl operator/controller test -Dtest=ReconcileAtScaleBenchmark -Dgantry.bench=true
 * </pre>
 *
 * <p>and read target/bench/reconcile-at-scale.md.
 */
@EnabledIfSystemProperty(named = "gantry.bench", matches = "true")
class ReconcileAtScaleBenchmark {

    private static final int COUNT = Integer.getInteger("gantry.bench.count", 200);
    private static final String HEAP = System.getProperty("gantry.bench.heap", "256m");
    private static final Duration PATIENCE = Duration.ofMinutes(8);
    private static final String NAMESPACE = "bench";

    @Test
    void reconcilesManyModelDeploymentsAtOnce() throws Exception {
        var module = MockApiServer.root().resolve("operator/controller");
        var app = module.resolve("target/quarkus-app");
        assertThat(app.resolve("quarkus-run.jar"))
                .as("package the operator first")
                .exists();
        try (var api = new MockApiServer();
                var operator = OperatorProcess.start(
                        app, api.url(), List.of("-Xmx" + HEAP), module.resolve("target/bench/operator.log"))) {
            var client = api.client();
            client.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(NAMESPACE)
                            .endMetadata()
                            .build())
                    .create();
            operator.awaitReady(Duration.ofMinutes(2));
            var idle = operator.residentMemoryMiB();
            var loadBefore = load();
            var cpuBefore = operator.cpuTime();
            var testCpuBefore =
                    ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);

            var start = Instant.now();
            parallel(COUNT, i -> {
                var md = Fixtures.example("cpu-tiny", NAMESPACE);
                md.getMetadata().setName("tiny-" + String.format(Locale.ROOT, "%03d", i));
                return Cluster.retryingConflicts(() -> client.resource(md).create());
            });
            var created = Duration.between(start, Instant.now());
            awaitMaterialised(client);
            var materialised = Duration.between(start, Instant.now());

            var readyStart = Instant.now();
            reportEveryDeploymentReady(client);
            awaitReady(client);
            var ready = Duration.between(readyStart, Instant.now());
            var loadAfter = load();

            var cpu = operator.cpuTime().minus(cpuBefore);
            var testCpu = ProcessHandle.current()
                    .info()
                    .totalCpuDuration()
                    .orElse(Duration.ZERO)
                    .minus(testCpuBefore);
            var requests = api.dispatcher().requestCounts();
            var metrics = operator.metrics();
            var memory = operator.residentMemoryMiB();
            var report = report(created, materialised, ready, metrics, idle, memory, loadBefore, loadAfter)
                    + "| Operator CPU time for the whole run (per ModelDeployment) | %.1f s (%.0f ms) |\n"
                            .formatted(cpu.toMillis() / 1000.0, (double) cpu.toMillis() / COUNT)
                    + "| Mock API server and test driver CPU time (same JVM) | %.1f s |\n"
                            .formatted(testCpu.toMillis() / 1000.0)
                    + "| API requests served by the mock server | " + requests + " |\n";
            var out = module.resolve("target/bench/reconcile-at-scale.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
    }

    private static void awaitMaterialised(KubernetesClient client) throws InterruptedException {
        await("every ModelDeployment materialised", () -> {
            var observed = client.resources(ModelDeployment.class).inNamespace(NAMESPACE).list().getItems().stream()
                    .filter(md -> md.getStatus() != null
                            && Long.valueOf(1).equals(md.getStatus().getObservedGeneration()))
                    .count();
            return observed == COUNT
                    && count(client.apps()
                                    .deployments()
                                    .inNamespace(NAMESPACE)
                                    .list()
                                    .getItems())
                            == 2L * COUNT
                    && count(client.services().inNamespace(NAMESPACE).list().getItems()) == 3L * COUNT
                    && count(client.configMaps().inNamespace(NAMESPACE).list().getItems()) == 2L * COUNT
                    && count(client.secrets().inNamespace(NAMESPACE).list().getItems()) == COUNT
                    && count(client.serviceAccounts()
                                    .inNamespace(NAMESPACE)
                                    .list()
                                    .getItems())
                            == COUNT
                    && count(client.network()
                                    .v1()
                                    .networkPolicies()
                                    .inNamespace(NAMESPACE)
                                    .list()
                                    .getItems())
                            == COUNT;
        });
    }

    private static void awaitReady(KubernetesClient client) throws InterruptedException {
        await(
                "every ModelDeployment Ready",
                () -> client.resources(ModelDeployment.class).inNamespace(NAMESPACE).list().getItems().stream()
                                .filter(md -> md.getStatus() != null
                                        && md.getStatus().getConditions().stream()
                                                .anyMatch(c -> c.getType().equals("Ready")
                                                        && c.getStatus().equals("True")))
                                .count()
                        == COUNT);
    }

    /** Plays the Deployment controller: every Deployment reports all its pods ready. */
    private static void reportEveryDeploymentReady(KubernetesClient client) throws Exception {
        var deployments =
                client.apps().deployments().inNamespace(NAMESPACE).list().getItems();
        parallel(deployments.size(), i -> {
            var name = deployments.get(i).getMetadata().getName();
            return Cluster.retryingConflicts(() -> client.apps()
                    .deployments()
                    .inNamespace(NAMESPACE)
                    .withName(name)
                    .editStatus(d -> {
                        int replicas = d.getSpec().getReplicas() == null
                                ? 1
                                : d.getSpec().getReplicas();
                        d.setStatus(new DeploymentStatusBuilder()
                                .withObservedGeneration(d.getMetadata().getGeneration())
                                .withReplicas(replicas)
                                .withUpdatedReplicas(replicas)
                                .withReadyReplicas(replicas)
                                .withAvailableReplicas(replicas)
                                .build());
                        return d;
                    }));
        });
    }

    private static long count(List<? extends HasMetadata> items) {
        return items.stream()
                .filter(i -> i.getMetadata().getLabels() != null
                        && "gantry-operator".equals(i.getMetadata().getLabels().get("app.kubernetes.io/managed-by")))
                .count();
    }

    private static void await(String what, Callable<Boolean> condition) throws InterruptedException {
        var deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                // a list raced a write; look again
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " did not happen within " + PATIENCE);
    }

    private interface Step {
        Object run(int index) throws Exception;
    }

    private static void parallel(int count, Step step) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<Object>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> step.run(index)));
            }
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String report(
            Duration created,
            Duration materialised,
            Duration ready,
            String metrics,
            long[] idle,
            long[] memory,
            String loadBefore,
            String loadAfter) {
        var p50 = quantile(metrics, "0.5");
        var p95 = quantile(metrics, "0.95");
        var p99 = quantile(metrics, "0.99");
        var reconciles = value(
                metrics,
                "gantry_reconcile_duration_seconds_count\\{controller=\"modeldeployment\",result=\"success\"\\}");
        var errors = value(
                metrics,
                "gantry_reconcile_duration_seconds_count\\{controller=\"modeldeployment\",result=\"error\"\\}");
        errors = Double.isNaN(errors) ? 0 : errors;
        return """
                | Measure | Value |
                | --- | --- |
                | ModelDeployments | %d (cpu-tiny: 10 children each, %d objects) |
                | All created (API calls from 8 threads) | %.1f s |
                | All materialised (children exist, status observed), from the first create | %.1f s |
                | All Ready after their Deployments report ready pods | %.1f s |
                | Reconciles (successful / failed) | %.0f / %.0f |
                | Reconcile duration p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                | Operator resident memory: idle / after / peak (-Xmx%s) | %d / %d / %d MiB |
                | Load average (1, 5, 15 min) before / after | %s / %s |
                """.formatted(
                        COUNT,
                        COUNT * 10,
                        created.toMillis() / 1000.0,
                        materialised.toMillis() / 1000.0,
                        ready.toMillis() / 1000.0,
                        reconciles,
                        errors,
                        p50 * 1000,
                        p95 * 1000,
                        p99 * 1000,
                        HEAP,
                        idle[0],
                        memory[0],
                        memory[1],
                        first3(loadBefore),
                        first3(loadAfter));
    }

    private static String first3(String loadavg) {
        var parts = loadavg.split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : loadavg;
    }

    private static double quantile(String metrics, String q) {
        return value(
                metrics,
                "gantry_reconcile_duration_seconds\\{controller=\"modeldeployment\",result=\"success\",quantile=\""
                        + Pattern.quote(q) + "\"\\}");
    }

    private static double value(String metrics, String series) {
        var matcher = Pattern.compile("^" + series + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
