package dev.gantry.local.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** Reads the runtime's Prometheus metrics of one pod, through the gateway's pod proxy as the operator does. */
final class RuntimeMetrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RuntimeMetrics() {}

    static String scrape(String gateway, String namespace, String pod) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create(gateway + "/_gantry/pods/" + namespace + "/" + pod + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("metrics of " + pod + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** The sum of the samples of a counter whose labels contain {@code labelFilter} (e.g. {@code result="hit"}). */
    static double sum(String metrics, String name, String labelFilter) {
        var line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        var matcher = line.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains(labelFilter)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }
}
