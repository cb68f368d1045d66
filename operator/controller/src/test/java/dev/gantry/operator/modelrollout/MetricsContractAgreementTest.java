package dev.gantry.operator.modelrollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.analysis.BuiltInMetrics;
import dev.gantry.operator.testing.MockApiServer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator's side of docs/metrics.md: the series built-in analysis reads are in the contract with the types
 * it assumes, and the loopback runtime the rollout tests scrape exposes exactly the contract's buckets. The
 * runtime's MetricsContractTest pins the other side.
 */
class MetricsContractAgreementTest {

    private static final Pattern SERIES_ROW =
            Pattern.compile("^\\| `(gantry_[a-z_]+)` \\| (counter|gauge|histogram) \\|");
    private static final Pattern BUCKET_ROW = Pattern.compile("^\\| `(gantry_[a-z_]+)` \\| ([0-9., +Inf]+) \\|$");

    private static List<String> contract() throws Exception {
        return Files.readAllLines(MockApiServer.root().resolve("docs/metrics.md"));
    }

    @Test
    void everySeriesBuiltInAnalysisReadsIsInTheContract() throws Exception {
        var declared = new java.util.HashMap<String, String>();
        for (var line : contract()) {
            var m = SERIES_ROW.matcher(line);
            if (m.find()) {
                declared.put(m.group(1), m.group(2));
            }
        }
        for (var series : BuiltInMetrics.SERIES) {
            var family = series.replaceAll("_bucket$", "");
            assertThat(declared).as(series).containsKey(family);
            assertThat(declared.get(family)).as(series).isEqualTo(series.endsWith("_bucket") ? "histogram" : "counter");
        }
    }

    @Test
    void theLoopbackRuntimeExposesTheContractsBuckets() throws Exception {
        for (var line : contract()) {
            var m = BUCKET_ROW.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            var bounds = Arrays.stream(m.group(2).split(","))
                    .map(String::trim)
                    .filter(b -> !b.equals("+Inf"))
                    .map(Double::parseDouble)
                    .toList();
            if (m.group(1).equals("gantry_request_duration_seconds")) {
                assertThat(FakeRuntimes.DURATION_BUCKETS).isEqualTo(bounds);
            }
            if (m.group(1).equals("gantry_time_to_first_token_seconds")) {
                assertThat(FakeRuntimes.TTFT_BUCKETS).isEqualTo(bounds);
            }
        }
    }
}
