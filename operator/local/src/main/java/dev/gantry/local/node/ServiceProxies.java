package dev.gantry.local.node;

import dev.gantry.local.endpoints.ServiceEndpoints;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's kube-proxy: a Service port that a container addresses by DNS name ({@code tiny-cache:6379},
 * {@code tiny-cache.models.svc:6379}) becomes one loopback TCP listener that stays put while pods come and go, and
 * forwards each connection to a ready endpoint of the Service, round robin. With no ready endpoint a connection is
 * closed at once, as a connection to a Service without endpoints is refused.
 */
final class ServiceProxies implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceProxies.class.getName());
    private static final Pattern HOST_PORT = Pattern.compile(
            "(?<![A-Za-z0-9.-])([a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*):([0-9]{1,5})(?![0-9])");

    private final Vertx vertx;
    private final NetClient connector;
    private final ServiceEndpoints endpoints;
    private final Map<String, NetServer> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    ServiceProxies(Vertx vertx, ServiceEndpoints endpoints) {
        this.vertx = vertx;
        this.endpoints = endpoints;
        this.connector = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2000));
    }

    /** {@code value} with every {@code <service DNS name>:<port>} of an existing Service replaced by its proxy. */
    String rewrite(String value, String namespace) {
        Matcher matcher = HOST_PORT.matcher(value);
        var result = new StringBuilder();
        while (matcher.find()) {
            var target = service(matcher.group(1), namespace);
            int port = Integer.parseInt(matcher.group(2));
            String replacement = matcher.group();
            if (target != null && hasPort(target[0], target[1], port)) {
                replacement = "127.0.0.1:" + listen(target[0], target[1], port);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The loopback port of the proxy for a Service port, started on first use. */
    int listen(String namespace, String service, int port) {
        var key = namespace + "/" + service + ":" + port;
        var server = listeners.computeIfAbsent(key, k -> start(namespace, service, port));
        return server.actualPort();
    }

    private NetServer start(String namespace, String service, int port) {
        var server = vertx.createNetServer(
                new NetServerOptions().setHost("127.0.0.1").setPort(0));
        server.connectHandler(socket -> forward(socket, namespace, service, port));
        try {
            return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the proxy of Service " + namespace + "/" + service, e);
        }
    }

    private void forward(NetSocket socket, String namespace, String service, int port) {
        socket.pause();
        var ready = endpoints.ready(namespace, service, port);
        if (ready.isEmpty()) {
            socket.close();
            return;
        }
        var endpoint = ready.get(Math.floorMod(next.getAndIncrement(), ready.size()));
        connector.connect(endpoint.port(), "127.0.0.1").onComplete(connected -> {
            if (connected.failed()) {
                socket.close();
                return;
            }
            var upstream = connected.result();
            socket.closeHandler(v -> upstream.close());
            upstream.closeHandler(v -> socket.close());
            socket.pipeTo(upstream);
            upstream.pipeTo(socket);
        });
    }

    private String[] service(String host, String namespace) {
        var parts = host.split("\\.");
        if (parts.length == 1) {
            return new String[] {namespace, parts[0]};
        }
        boolean svc = parts.length == 3 && parts[2].equals("svc");
        boolean fqdn = parts.length == 5 && host.endsWith(".svc.cluster.local");
        if (parts.length == 2 || svc || fqdn) {
            return new String[] {parts[1], parts[0]};
        }
        return null;
    }

    private boolean hasPort(String namespace, String name, int port) {
        return endpoints
                .service(namespace, name)
                .map(s -> s.getSpec().getPorts() != null
                        && s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port))
                .orElse(false);
    }

    @Override
    public void close() {
        listeners.values().forEach(server -> {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.fine("closing a Service proxy: " + e.getMessage());
            }
        });
        connector.close();
    }
}
