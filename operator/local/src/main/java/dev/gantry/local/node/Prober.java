package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a container's probes against its loopback host port, as the kubelet runs them against the pod IP: HTTP GET
 * (200 to 399 passes) and TCP connect. Exec and gRPC probes are not run here and count as passing.
 */
final class Prober {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    boolean check(Probe probe, Container container, Map<Integer, Integer> hostPorts) {
        var timeout = Duration.ofSeconds(probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds());
        if (probe.getHttpGet() != null) {
            var get = probe.getHttpGet();
            int port = hostPort(get.getPort(), container, hostPorts);
            var path = get.getPath() == null ? "/" : get.getPath();
            try {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(timeout)
                        .header("User-Agent", "kube-probe/1.33 (gantry local mode)")
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                return status >= 200 && status < 400;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (probe.getTcpSocket() != null) {
            int port = hostPort(probe.getTcpSocket().getPort(), container, hostPorts);
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int hostPort(IntOrString port, Container container, Map<Integer, Integer> hostPorts) {
        int containerPort = port.getIntVal() != null
                ? port.getIntVal()
                : container.getPorts().stream()
                        .filter(p -> port.getStrVal().equals(p.getName()))
                        .findFirst()
                        .map(p -> p.getContainerPort())
                        .orElse(-1);
        return hostPorts.getOrDefault(containerPort, containerPort);
    }
}
