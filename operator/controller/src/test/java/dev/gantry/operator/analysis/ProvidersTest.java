package dev.gantry.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How Prometheus answers, webhook answers and URL templates are read. */
class ProvidersTest {

    private static final WindowContext WINDOW = new WindowContext(
            "uid",
            "assistant",
            "models",
            "assistant",
            "step 2",
            "4d51a0be92",
            "7c9f1e2a3b",
            "4d51a0be92",
            25,
            "Canary",
            Instant.parse("2025-06-01T10:00:00Z"),
            Instant.parse("2025-06-01T10:00:30Z"),
            List.of());

    @Test
    void rendersQueryPlaceholders() {
        var query = PrometheusQuery.render(
                "sum(rate(x{namespace=\"{{namespace}}\",pod=~\"{{name}}-{{revision}}-.*\"}[1m]))", WINDOW);

        assertThat(query).isEqualTo("sum(rate(x{namespace=\"models\",pod=~\"assistant-4d51a0be92-.*\"}[1m]))");
    }

    @Test
    void readsAVectorOrAScalarAndCallsAnEmptyResultNaN() {
        var vector = PrometheusQuery.answer(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"0.02\"]}]}}");
        var scalar = PrometheusQuery.answer(
                200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"7\"]}}");
        var empty = PrometheusQuery.answer(
                200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        assertThat(vector.value()).isEqualTo(0.02);
        assertThat(scalar.value()).isEqualTo(7);
        assertThat(empty.value()).isNaN();
        assertThat(empty.error()).isFalse();
    }

    @Test
    void manySeriesAnErrorAnswerOrNonJsonAreErrors() {
        var many = PrometheusQuery.answer(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,\"1\"]},{\"value\":[1,\"2\"]}]}}");
        var bad = PrometheusQuery.answer(400, "{\"status\":\"error\",\"error\":\"parse error at char 5\"}");
        var html = PrometheusQuery.answer(502, "<html>bad gateway</html>");

        assertThat(many.error()).isTrue();
        assertThat(many.message()).contains("2 series");
        assertThat(bad.error()).isTrue();
        assertThat(bad.message()).contains("HTTP 400").contains("parse error at char 5");
        assertThat(html.message()).contains("not JSON");
    }

    @Test
    void aWebhookPassesOn2xxFailsOn4xxAndErrsOn5xx() {
        assertThat(Webhook.judge("q", "2xx", 204, "").verdict()).isEqualTo(Verdict.Passed);
        assertThat(Webhook.judge("q", "2xx", 409, "quality below bar").verdict())
                .isEqualTo(Verdict.Failed);
        assertThat(Webhook.judge("q", "2xx", 409, "quality below bar").message())
                .contains("quality below bar");
        assertThat(Webhook.judge("q", "2xx", 503, "").verdict()).isEqualTo(Verdict.Error);
    }

    @Test
    void aWebhookReceivesTheRolloutContext() throws Exception {
        var body = new ObjectMapper().readTree(Webhook.body("quality", WINDOW));

        assertThat(body.path("rollout").path("name").asText()).isEqualTo("assistant");
        assertThat(body.path("candidateRevision").asText()).isEqualTo("4d51a0be92");
        assertThat(body.path("stableRevision").asText()).isEqualTo("7c9f1e2a3b");
        assertThat(body.path("weight").asInt()).isEqualTo(25);
        assertThat(body.path("intervalEnd").asText()).isEqualTo("2025-06-01T10:00:30Z");
    }

    @Test
    void urlTemplatesFillTheirPlaceholdersAndRefuseUnknownOnes() {
        var template = new UrlTemplate("http://{podIP}:8080/metrics", Set.of("podIP", "namespace", "pod"));

        assertThat(template.expand(Map.of("podIP", "10.1.2.3")).toString()).isEqualTo("http://10.1.2.3:8080/metrics");
        assertThat(template.expand(Map.of("podIP", "fd00::7")).toString()).isEqualTo("http://[fd00::7]:8080/metrics");
        assertThatThrownBy(() -> new UrlTemplate("http://{host}/metrics", Set.of("podIP")))
                .hasMessageContaining("{host}");
    }

    @Test
    void judgesNumbersAndCallsNaNInconclusive() {
        var condition = SuccessCondition.parse("result < 0.05");

        assertThat(MetricResult.judged("e", 0.01, condition, "").verdict()).isEqualTo(Verdict.Passed);
        assertThat(MetricResult.judged("e", 0.2, condition, "").verdict()).isEqualTo(Verdict.Failed);
        assertThat(MetricResult.judged("e", 0.2, condition, "").value()).isEqualTo("0.2000");
        assertThat(MetricResult.judged("e", Double.NaN, condition, "").verdict())
                .isEqualTo(Verdict.Inconclusive);
    }
}
