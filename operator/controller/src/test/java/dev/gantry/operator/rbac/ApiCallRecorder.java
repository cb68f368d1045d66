package dev.gantry.operator.rbac;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fabric8 HTTP interceptor on the operator's own client that remembers every API call it makes, so that a test can
 * hold them against the permissions the operator declares. Watches are seen when they are opened.
 *
 * <p>A server-side apply of an object that does not exist yet is authorized as {@code create} too; fabric8 shows
 * interceptors no response code, so the recorder asks the API server (through a client it does not record) whether
 * the object exists before the apply goes out.
 */
public final class ApiCallRecorder implements Interceptor {

    private static final String APPLY = "application/apply-patch+yaml";

    private final Set<ApiCall> calls = ConcurrentHashMap.newKeySet();
    private final KubernetesClient probe;

    /** @param probe an unrecorded client of the same API server */
    public ApiCallRecorder(KubernetesClient probe) {
        this.probe = probe;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        var contentType = request instanceof StandardHttpRequest standard
                ? standard.getContentType()
                : request.header("Content-Type");
        boolean creates = contentType != null
                && contentType.startsWith(APPLY)
                && !request.uri().getPath().endsWith("/status")
                && !exists(request.uri());
        calls.addAll(ApiCall.of(request.method(), request.uri(), contentType, creates));
    }

    private boolean exists(java.net.URI object) {
        var url = object.getScheme() + "://" + object.getAuthority() + object.getPath();
        return probe.raw(url) != null;
    }

    public Set<ApiCall> calls() {
        return Set.copyOf(calls);
    }
}
