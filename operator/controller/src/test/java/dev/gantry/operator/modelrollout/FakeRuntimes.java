package dev.gantry.operator.modelrollout;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code /metrics} of serving-runtime pods, in the names, labels and buckets of docs/metrics.md. Each pod's
 * counters grow with time at its revision's request rate, error share and latency, which the test changes; a pod
 * starts with a history of its own (including errors), so only deltas give the right answer.
 */
final class FakeRuntimes {

    /** Bucket bounds of docs/metrics.md; {@code MetricsContractAgreementTest} pins them to the document. */
    static final List<Double> DURATION_BUCKETS =
            List.of(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0);

    static final List<Double> TTFT_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private static final Pattern POD_REVISION = Pattern.compile("-([0-9a-f]{10})-[0-9a-z]+$");

    /**
     * How a revision's pods behave.
     *
     * @param requestsPerSecond inference requests each pod serves per second
     * @param errorShare share of them answered 500
     * @param latencySeconds every request's duration
     */
    record Behaviour(double requestsPerSecond, double errorShare, double latencySeconds) {}

    private static final Behaviour HEALTHY = new Behaviour(40, 0.0, 0.2);

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, PodCounters> pods = new ConcurrentHashMap<>();

    void behave(String revision, Behaviour behaviour) {
        behaviours.put(revision, behaviour);
    }

    void errorShare(String revision, double share) {
        var current = behaviour(revision);
        behave(revision, new Behaviour(current.requestsPerSecond(), share, current.latencySeconds()));
    }

    Behaviour behaviour(String revision) {
        return behaviours.getOrDefault(revision, HEALTHY);
    }

    /** The exposition of one pod, or {@code null} for a pod whose name carries no revision. */
    String scrape(String namespace, String pod) {
        var matcher = POD_REVISION.matcher(pod);
        if (!matcher.find()) {
            return null;
        }
        var revision = matcher.group(1);
        var counters = pods.computeIfAbsent(namespace + "/" + pod, k -> new PodCounters());
        synchronized (counters) {
            counters.advance(behaviour(revision));
            return counters.render(revision);
        }
    }

    /** One pod's counters since it started. */
    private static final class PodCounters {
        private long last = System.nanoTime();
        private double carry;
        private long ok = 1000;
        private long errors = 50; // history before the rollout, which deltas must ignore
        private final long[] duration = new long[DURATION_BUCKETS.size() + 1];
        private final long[] ttft = new long[TTFT_BUCKETS.size() + 1];
        private long tokens = 20_000;

        void advance(Behaviour behaviour) {
            long now = System.nanoTime();
            double exact = (now - last) / 1e9 * behaviour.requestsPerSecond() + carry;
            long requests = (long) exact;
            carry = exact - requests;
            last = now;
            long failed = Math.round(requests * behaviour.errorShare());
            errors += failed;
            ok += requests - failed;
            observe(duration, DURATION_BUCKETS, behaviour.latencySeconds(), requests);
            observe(ttft, TTFT_BUCKETS, behaviour.latencySeconds() / 4, requests);
            tokens += requests * 20;
        }

        private static void observe(long[] counts, List<Double> bounds, double value, long n) {
            int bucket = 0;
            while (bucket < bounds.size() && value > bounds.get(bucket)) {
                bucket++;
            }
            counts[bucket] += n;
        }

        String render(String revision) {
            var labels = "model=\"m\",revision=\"" + revision + "\"";
            var out = new StringBuilder();
            out.append("# HELP gantry_requests_total Finished HTTP requests.\n");
            out.append("# TYPE gantry_requests_total counter\n");
            out.append("gantry_requests_total{")
                    .append(labels)
                    .append(",endpoint=\"completions\",status=\"200\"} ")
                    .append(ok)
                    .append('\n');
            out.append("gantry_requests_total{")
                    .append(labels)
                    .append(",endpoint=\"completions\",status=\"500\"} ")
                    .append(errors)
                    .append('\n');
            out.append("gantry_requests_total{").append(labels).append(",endpoint=\"models\",status=\"500\"} 7\n");
            histogram(out, "gantry_request_duration_seconds", labels, duration, DURATION_BUCKETS);
            histogram(out, "gantry_time_to_first_token_seconds", labels, ttft, TTFT_BUCKETS);
            out.append("# TYPE gantry_generated_tokens_total counter\n");
            out.append("gantry_generated_tokens_total{")
                    .append(labels)
                    .append("} ")
                    .append(tokens)
                    .append('\n');
            out.append("# TYPE gantry_structured_outputs_total counter\n");
            out.append("gantry_structured_outputs_total{")
                    .append(labels)
                    .append(",kind=\"json\",result=\"valid\"} ")
                    .append(ok / 10)
                    .append('\n');
            return out.toString();
        }

        private static void histogram(
                StringBuilder out, String name, String labels, long[] counts, List<Double> bounds) {
            out.append("# TYPE ").append(name).append(" histogram\n");
            long cumulative = 0;
            for (int i = 0; i <= bounds.size(); i++) {
                cumulative += counts[i];
                var le = i == bounds.size() ? "+Inf" : String.format(Locale.ROOT, "%s", bounds.get(i));
                out.append(name)
                        .append("_bucket{")
                        .append(labels)
                        .append(",endpoint=\"completions\",le=\"")
                        .append(le)
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            out.append(name)
                    .append("_count{")
                    .append(labels)
                    .append(",endpoint=\"completions\"} ")
                    .append(cumulative)
                    .append('\n');
        }
    }
}
