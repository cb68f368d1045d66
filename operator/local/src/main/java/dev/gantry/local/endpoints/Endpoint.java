package dev.gantry.local.endpoints;

/** A ready pod port as local mode reaches it: the pod's loopback host port. */
public record Endpoint(String namespace, String pod, int port) {

    public String address() {
        return "127.0.0.1:" + port;
    }

    public String podRef() {
        return namespace + "/" + pod;
    }
}
