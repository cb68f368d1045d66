package dev.gantry.local.gateway;

/**
 * A Service port a route sends a share of its requests to.
 *
 * @param port the Service port number, or null with {@code portName}, or both null for the Service's first port
 */
record Backend(String namespace, String service, Integer port, String portName, int weight) {

    String describe() {
        return namespace + "/" + service + ":" + (port != null ? port : portName != null ? portName : "*");
    }
}
