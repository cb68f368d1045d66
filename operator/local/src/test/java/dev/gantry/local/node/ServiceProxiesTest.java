package dev.gantry.local.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gantry.local.endpoints.ServiceEndpoints;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node's kube-proxy: Service DNS names in a container's settings reach the Service's ready pods. */
class ServiceProxiesTest {

    private static MockApiServer server;
    private static Vertx vertx;
    private static ServiceEndpoints endpoints;
    private static ServiceProxies proxies;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        vertx = Vertx.vertx();
        server.client()
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("stories-cache")
                        .withNamespace("default")
                        .endMetadata()
                        .withNewSpec()
                        .withSelector(Map.of("app", "redis"))
                        .addNewPort()
                        .withName("redis")
                        .withPort(6379)
                        .withTargetPort(new IntOrString("redis"))
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        endpoints = ServiceEndpoints.watch(server.client());
        proxies = new ServiceProxies(vertx, endpoints);
        await().until(() -> endpoints.service("default", "stories-cache").isPresent());
    }

    @AfterAll
    static void stop() {
        proxies.close();
        endpoints.close();
        vertx.close();
        server.close();
    }

    @Test
    void rewritesEveryFormOfAServicesDnsNameToOneStableLoopbackPort() {
        var short_ = proxies.rewrite("redis://stories-cache:6379/0", "default");
        var full = proxies.rewrite("stories-cache.default.svc.cluster.local:6379", "other");

        var port = short_.replaceAll("redis://127\\.0\\.0\\.1:(\\d+)/0", "$1");
        assertThat(short_).matches("redis://127\\.0\\.0\\.1:\\d+/0");
        assertThat(full).isEqualTo("127.0.0.1:" + port);
        assertThat(proxies.rewrite("stories-cache:6380 elsewhere:6379", "default"))
                .as("no such Service port, no such Service")
                .isEqualTo("stories-cache:6380 elsewhere:6379");
    }

    @Test
    void forwardsConnectionsToAReadyPodOfTheService() throws Exception {
        try (var pod = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.client().resource(readyPod(pod.getLocalPort())).create();
            await().until(() ->
                    !endpoints.ready("default", "stories-cache", 6379).isEmpty());
            int port = proxies.listen("default", "stories-cache", 6379);

            try (var client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.getOutputStream().write("PING\r\n".getBytes());
                client.getOutputStream().flush();
                try (var accepted = pod.accept()) {
                    accepted.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
                    var received = new ByteArrayOutputStream();
                    var buffer = new byte[6];
                    int read = accepted.getInputStream().readNBytes(buffer, 0, 6);
                    received.write(buffer, 0, read);
                    assertThat(received.toString()).isEqualTo("PING\r\n");
                }
            }
        }
    }

    private static io.fabric8.kubernetes.api.model.Pod readyPod(int hostPort) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("stories-cache-abc")
                .withNamespace("default")
                .withLabels(Map.of("app", "redis"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("redis")
                .addNewPort()
                .withName("redis")
                .withContainerPort(6379)
                .withHostPort(hostPort)
                .endPort()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPodIP("127.0.0.1")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();
    }
}
