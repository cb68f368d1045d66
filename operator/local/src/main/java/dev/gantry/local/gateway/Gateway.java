package dev.gantry.local.gateway;

import dev.gantry.local.endpoints.ServiceEndpoints;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The local gateway: one loopback port that serves every HTTPRoute and Ingress in the API by {@link RouteTable},
 * forwarding each request to a ready pod of the Service its weighted backend names ({@link Proxy}). Under
 * {@code /_gantry/} it also proxies to single pods and Services, for the operator's analysis and evaluation, and
 * shows its route table.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    private final SharedIndexInformer<HTTPRoute> routes;
    private final SharedIndexInformer<Ingress> ingresses;
    private final HttpServer server;
    private volatile RouteTable table = RouteTable.build(java.util.List.of(), java.util.List.of());

    private Gateway(KubernetesClient client, Vertx vertx, ServiceEndpoints endpoints, int port) {
        this.routes = client.resources(HTTPRoute.class).inAnyNamespace().inform(rebuild(), 0);
        this.ingresses = client.network().v1().ingresses().inAnyNamespace().inform(rebuild(), 0);
        rebuildTable();
        var proxy = new Proxy(vertx, new Upstreams(endpoints));
        var paths = new GatewayPaths(proxy, () -> table);
        this.server = vertx.createHttpServer(new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setCompressionSupported(false)
                .setIdleTimeout(0));
        server.requestHandler(request -> handle(request, paths, proxy));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the gateway cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** Listens on {@code 127.0.0.1:port} (0: a free port) and routes what the API says. */
    public static Gateway start(KubernetesClient client, Vertx vertx, ServiceEndpoints endpoints, int port) {
        return new Gateway(client, vertx, endpoints, port);
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request, GatewayPaths paths, Proxy proxy) {
        if (request.path().startsWith(GatewayPaths.PREFIX)) {
            paths.handle(request);
            return;
        }
        var route = table.resolve(request.getHeader("Host"), request.path());
        if (route.isEmpty()) {
            Proxy.error(
                    request.response(),
                    404,
                    "not_found",
                    "no HTTPRoute or Ingress matches host " + request.getHeader("Host") + " and path " + request.path()
                            + "; see " + GatewayPaths.PREFIX + "routes");
            return;
        }
        proxy.forward(request, route.get(), request.uri());
    }

    private <T> ResourceEventHandler<T> rebuild() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                rebuildTable();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                rebuildTable();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                rebuildTable();
            }
        };
    }

    private synchronized void rebuildTable() {
        if (routes == null || ingresses == null) {
            return;
        }
        table = RouteTable.build(routes.getStore().list(), ingresses.getStore().list());
    }

    @Override
    public void close() {
        routes.close();
        ingresses.close();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.fine("closing the gateway: " + e.getMessage());
        }
    }
}
