package dev.gantry.local.gateway;

import java.util.List;

/** Gateway API's host name matching: exact beats wildcard ({@code *.example.com}) beats a route without names. */
final class HostMatch {

    static final int NONE = 0;

    private HostMatch() {}

    /** How well a request host matches a route's names: 3 exact, 2 wildcard, 1 the route takes any host, 0 none. */
    static int score(List<String> hostnames, String host) {
        if (hostnames == null || hostnames.isEmpty()) {
            return 1;
        }
        int best = NONE;
        for (var name : hostnames) {
            var pattern = name.toLowerCase();
            if (pattern.equals(host)) {
                return 3;
            }
            if (pattern.startsWith("*.") && host.endsWith(pattern.substring(1))) {
                best = 2;
            }
        }
        return best;
    }

    /** The request's host without port, lower case. */
    static String of(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        var host = hostHeader.toLowerCase();
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }
}
