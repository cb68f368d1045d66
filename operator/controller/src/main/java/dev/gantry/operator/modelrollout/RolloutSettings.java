package dev.gantry.operator.modelrollout;

import dev.gantry.operator.render.OperatorDefaults;
import java.time.Duration;

/**
 * The ModelRollout controller's settings.
 *
 * @param defaults operator-wide rendering defaults, so that the target's revision is computed as the
 *     ModelDeployment controller computes it
 * @param pollInterval how soon a rollout waiting for pods or for the router is looked at again, besides events
 * @param podMetricsUrl where built-in analysis reads a pod's metrics, with {podIP}, {namespace}, {pod}
 * @param scrapeTimeout the longest one pod may take to answer a scrape
 * @param serviceUrl where evaluation reaches a Service, with {service}, {namespace}, {port}
 * @param instance this operator instance's name, for Events' reportingInstance
 */
public record RolloutSettings(
        OperatorDefaults defaults,
        Duration pollInterval,
        String podMetricsUrl,
        Duration scrapeTimeout,
        String serviceUrl,
        String instance) {

    public static final String DEFAULT_POD_METRICS_URL = "http://{podIP}:8080/metrics";
    public static final String DEFAULT_SERVICE_URL = "http://{service}.{namespace}.svc:{port}";
}
