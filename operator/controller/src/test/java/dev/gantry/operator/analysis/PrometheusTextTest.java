package dev.gantry.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsCommentsAndOtherSeries() {
        var samples = PrometheusText.parse("""
                # HELP gantry_requests_total Finished HTTP requests.
                # TYPE gantry_requests_total counter
                gantry_requests_total{model="m",revision="r",endpoint="completions",status="200",} 12.0
                jvm_memory_used_bytes{area="heap"} 1.0E7
                gantry_generated_tokens_total 4.5e3 1700000000000
                gantry_request_duration_seconds_bucket{le="+Inf",endpoint="generate"} 3
                """, name -> name.startsWith("gantry_"));

        assertThat(samples).hasSize(3);
        assertThat(samples.get(0).labels())
                .isEqualTo(Map.of("model", "m", "revision", "r", "endpoint", "completions", "status", "200"));
        assertThat(samples.get(0).value()).isEqualTo(12.0);
        assertThat(samples.get(1).value()).isEqualTo(4500.0);
        assertThat(samples.get(2).label("le")).isEqualTo("+Inf");
    }

    @Test
    void unescapesLabelValues() {
        var sample = PrometheusText.parse("x{a=\"quote \\\" slash \\\\ line \\n end\"} 1", n -> true)
                .get(0);

        assertThat(sample.label("a")).isEqualTo("quote \" slash \\ line \n end");
    }

    @Test
    void readsSpecialValues() {
        assertThat(PrometheusText.value("NaN")).isNaN();
        assertThat(PrometheusText.value("+Inf")).isInfinite();
        assertThat(PrometheusText.value("-Inf")).isNegative();
    }

    @Test
    void refusesAMalformedLine() {
        assertThatThrownBy(() -> PrometheusText.parse("x{a=\"b} 1", n -> true)).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PrometheusText.parse("x{a} 1", n -> true)).hasMessageContaining("malformed");
    }
}
