package dev.gantry.operator.modelrollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Real HTTP servers on loopback that stand in for what a rollout talks to, with values the test changes: every
 * pod's {@code /metrics} (served by {@link FakeRuntimes}), a Prometheus query API, a webhook, and the candidate
 * Services that answer evaluation prompts. The operator reaches them through its URL templates.
 */
final class LoopbackServers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeRuntimes runtimes = new FakeRuntimes();
    final List<String> prometheusQueries = new CopyOnWriteArrayList<>();
    final List<JsonNode> webhookCalls = new CopyOnWriteArrayList<>();
    final List<JsonNode> evaluationRequests = new CopyOnWriteArrayList<>();
    private final Map<String, Double> prometheusValues = new ConcurrentHashMap<>();
    private volatile int webhookStatus = 200;
    private volatile Function<JsonNode, String> evaluationAnswer = body -> "ok";
    private final HttpServer server;

    LoopbackServers() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/pods/", this::podMetrics);
        server.createContext("/prometheus/api/v1/query", this::prometheus);
        server.createContext("/webhook", this::webhook);
        server.createContext("/services/", this::evaluation);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code gantry.analysis.pod-metrics-url} for this server. */
    String podMetricsUrl() {
        return base() + "/pods/{namespace}/{pod}/metrics";
    }

    /** {@code gantry.evaluation.service-url} for this server. */
    String serviceUrl() {
        return base() + "/services/{namespace}/{service}";
    }

    String prometheusAddress() {
        return base() + "/prometheus";
    }

    String webhookUrl() {
        return base() + "/webhook";
    }

    /** The value Prometheus returns for queries that mention {@code revision}; NaN returns an empty vector. */
    void prometheusValue(String revision, double value) {
        prometheusValues.put(revision, value);
    }

    void webhookStatus(int status) {
        webhookStatus = status;
    }

    /** What every evaluation prompt is answered with, given the request body. */
    void evaluationAnswers(Function<JsonNode, String> answer) {
        evaluationAnswer = answer;
    }

    private void podMetrics(HttpExchange exchange) throws IOException {
        var parts = exchange.getRequestURI().getPath().split("/"); // "", pods, namespace, pod, metrics
        var body = runtimes.scrape(parts[2], parts[3]);
        respond(exchange, body == null ? 503 : 200, body == null ? "not ready" : body, "text/plain; version=0.0.4");
    }

    private void prometheus(HttpExchange exchange) throws IOException {
        var raw = exchange.getRequestURI().getRawQuery();
        var query = URLDecoder.decode(raw.substring(raw.indexOf('=') + 1), StandardCharsets.UTF_8);
        prometheusQueries.add(query);
        var match = prometheusValues.entrySet().stream()
                .filter(e -> query.contains(e.getKey()))
                .findFirst();
        String result = match.isEmpty() || Double.isNaN(match.get().getValue())
                ? "[]"
                : "[{\"metric\":{},\"value\":[1700000000.0,\"" + match.get().getValue() + "\"]}]";
        respond(
                exchange,
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}",
                "application/json");
    }

    private void webhook(HttpExchange exchange) throws IOException {
        webhookCalls.add(JSON.readTree(exchange.getRequestBody()));
        respond(exchange, webhookStatus, "{\"checked\":true}", "application/json");
    }

    private void evaluation(HttpExchange exchange) throws IOException {
        var body = JSON.readTree(exchange.getRequestBody());
        evaluationRequests.add(body);
        var text = evaluationAnswer.apply(body);
        var path = exchange.getRequestURI().getPath();
        var answer = JSON.createObjectNode();
        if (path.endsWith("/generate")) {
            answer.put("text", text).put("finish_reason", "stop");
        } else {
            answer.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .put("text", text)
                    .put("finish_reason", "stop");
        }
        respond(exchange, 200, answer.toString(), "application/json");
    }

    private static void respond(HttpExchange exchange, int status, String body, String type) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
