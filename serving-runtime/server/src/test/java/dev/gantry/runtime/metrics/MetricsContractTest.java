package dev.gantry.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code /metrics} to the contract in {@code docs/metrics.md}, read from the document itself: every
 * series exists with its type and labels, every histogram has exactly the listed buckets, and every
 * series carries {@code model} and {@code revision}.
 */
class MetricsContractTest {
    private static final Pattern SERIES_ROW =
            Pattern.compile("^\\| `(gantry_[a-z_]+)` \\| (counter|gauge|histogram) \\| ([^|]*)\\|");
    private static final Pattern BUCKET_ROW = Pattern.compile("^\\| `(gantry_[a-z_]+)` \\| ([0-9., +Inf]+) \\|$");

    private static TestServer server;
    private static MetricsScrape scrape;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("GANTRY_MODEL_NAME", "tiny-stories", "GANTRY_REVISION", "abc123"));
        String url = server.baseUrl();
        Http.post(url + "/v1/completions", "{\"prompt\": \"Zoo\", \"max_tokens\": 5}");
        Http.post(
                url + "/v1/chat/completions",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"max_tokens\": 3}");
        Http.post(url + "/generate", "{\"prompt\": \"Zoo\", \"parameters\": {\"max_new_tokens\": 3}}");
        Http.post(
                url + "/generate",
                "{\"prompt\": \"Zoo\", \"constraint\": {\"type\": \"regex\", \"pattern\": \"[0-9]\"}}");
        Http.post(url + "/v1/completions", "{\"prompt\": 5}");
        Http.get(url + "/v1/models");
        scrape = MetricsScrape.of(Http.get(url + "/metrics").body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> contract() throws Exception {
        Path root = Paths.get(System.getProperty("gantry.root", "../.."));
        return Files.readAllLines(root.resolve("docs/metrics.md"));
    }

    @Test
    void everyContractSeriesIsExposedWithItsTypeAndLabels() throws Exception {
        List<String> rows =
                contract().stream().filter(l -> SERIES_ROW.matcher(l).find()).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
        for (String row : rows) {
            Matcher m = SERIES_ROW.matcher(row);
            assertThat(m.find()).isTrue();
            String name = m.group(1);
            String type = m.group(2);
            List<String> extra = labels(m.group(3));
            String sampleName = type.equals("histogram") ? name + "_bucket" : name;
            List<MetricsScrape.Sample> samples = scrape.named(sampleName);
            assertThat(samples).as(name).isNotEmpty();
            String family = name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
            assertThat(scrape.type(family) != null ? scrape.type(family) : scrape.type(name))
                    .as(name)
                    .isEqualTo(type);
            for (MetricsScrape.Sample sample : samples) {
                List<String> expected = new ArrayList<>(List.of("model", "revision"));
                expected.addAll(extra);
                if (type.equals("histogram")) {
                    expected.add("le");
                }
                assertThat(sample.labels().keySet()).as(name).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void histogramsHaveExactlyTheContractBuckets() throws Exception {
        Map<String, List<Double>> buckets = new LinkedHashMap<>();
        for (String line : contract()) {
            Matcher m = BUCKET_ROW.matcher(line.trim());
            if (m.matches()) {
                buckets.put(
                        m.group(1),
                        Arrays.stream(m.group(2).split(","))
                                .map(String::trim)
                                .map(v -> v.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v))
                                .toList());
            }
        }
        assertThat(buckets).hasSize(5);
        for (Map.Entry<String, List<Double>> entry : buckets.entrySet()) {
            List<MetricsScrape.Sample> samples = scrape.named(entry.getKey() + "_bucket");
            assertThat(samples).as(entry.getKey()).isNotEmpty();
            Map<String, String> oneSeries = new LinkedHashMap<>(samples.get(0).labels());
            oneSeries.remove("le");
            List<Double> bounds = samples.stream()
                    .filter(s -> s.labels().entrySet().containsAll(oneSeries.entrySet()))
                    .map(s -> s.labels().get("le").equals("+Inf")
                            ? Double.POSITIVE_INFINITY
                            : Double.parseDouble(s.labels().get("le")))
                    .toList();
            assertThat(bounds).as(entry.getKey()).containsExactlyElementsOf(entry.getValue());
        }
    }

    @Test
    void everyGantrySeriesCarriesModelAndRevision() {
        List<MetricsScrape.Sample> gantry = scrape.samples().stream()
                .filter(s -> s.name().startsWith("gantry_"))
                .toList();

        assertThat(gantry).isNotEmpty().allSatisfy(s -> {
            assertThat(s.labels()).containsEntry("model", "tiny-stories");
            assertThat(s.labels()).containsEntry("revision", "abc123");
        });
    }

    @Test
    void requestsAreCountedByEndpointAndStatus() {
        assertThat(scrape.value("gantry_requests_total", Map.of("endpoint", "completions", "status", "200")))
                .isEqualTo(1);
        assertThat(scrape.value("gantry_requests_total", Map.of("endpoint", "completions", "status", "400")))
                .isEqualTo(1);
        assertThat(scrape.value("gantry_requests_total", Map.of("endpoint", "generate", "status", "200")))
                .isEqualTo(2);
        assertThat(scrape.value("gantry_requests_total", Map.of("endpoint", "models", "status", "200")))
                .isEqualTo(1);
        assertThat(scrape.value("gantry_constrained_requests_total", Map.of("kind", "regex")))
                .isEqualTo(1);
        assertThat(scrape.value("gantry_time_to_first_token_seconds_count", Map.of("endpoint", "chat_completions")))
                .isEqualTo(1);
        // The constrained output is one digit: one token, complete, so no end-of-sequence step.
        assertThat(scrape.value("gantry_generated_tokens_total", Map.of())).isEqualTo(5 + 3 + 3 + 1);
        assertThat(scrape.value("gantry_structured_outputs_total", Map.of("kind", "regex", "result", "valid")))
                .isEqualTo(1);
        assertThat(scrape.value("gantry_constraint_compile_seconds_count", Map.of("kind", "regex")))
                .isEqualTo(1);
        assertThat(scrape.value("gantry_constraint_mask_seconds_count", Map.of()))
                .isEqualTo(1);
        assertThat(scrape.value("gantry_build_info", Map.of())).isEqualTo(1);
        assertThat(scrape.value("gantry_model_load_seconds", Map.of())).isGreaterThan(0);
    }

    private static List<String> labels(String cell) {
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(cell);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }
}
