package dev.gantry.local.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Single completion requests through the gateway, as an application sends them. */
final class Completions {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** A streamed answer: each line with the milliseconds since the request was sent. */
    record Stream(int status, List<String> lines, List<Long> millis) {}

    private Completions() {}

    static HttpResponse<String> post(String gateway, String body) throws Exception {
        return post(gateway, "/v1/completions", body, null);
    }

    static HttpResponse<String> post(String gateway, String path, String body, String host) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (host != null) {
            builder.header("Host", host);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Stream stream(String gateway, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway + "/v1/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        var lines = new ArrayList<String>();
        var millis = new ArrayList<Long>();
        response.body().filter(line -> !line.isBlank()).forEach(line -> {
            lines.add(line);
            millis.add((System.nanoTime() - start) / 1_000_000);
        });
        return new Stream(response.statusCode(), lines, millis);
    }
}
