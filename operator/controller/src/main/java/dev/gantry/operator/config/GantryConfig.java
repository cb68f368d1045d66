package dev.gantry.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The {@code gantry.*} properties; environment variables such as {@code GANTRY_RUNTIME_IMAGE} override them. */
@ConfigMapping(prefix = "gantry")
public interface GantryConfig {

    Runtime runtime();

    Reconcile reconcile();

    LeaderElection leaderElection();

    Rollout rollout();

    Analysis analysis();

    Evaluation evaluation();

    /** Defaults of the serving-runtime pods. */
    interface Runtime {
        /** Serving-runtime image for device CPU. */
        String image();

        /** CUDA serving-runtime image for device GPU. */
        String gpuImage();

        /** The runtime's log format, json or text. */
        @WithDefault("json")
        String logFormat();

        /** Hugging Face Hub base URL for model downloads, when not the public Hub. */
        Optional<String> hfEndpoint();
    }

    /** Timing of reconciles besides the events that trigger them. */
    interface Reconcile {
        /** How soon a ModelDeployment waiting for a user's fix (a missing Secret) is looked at again. */
        @WithDefault("30s")
        Duration recheckInterval();

        /** How soon a ModelDeployment still progressing is looked at again. */
        @WithDefault("60s")
        Duration progressResync();
    }

    /** Timing of ModelRollouts besides the events that wake them up. */
    interface Rollout {
        /** How soon a rollout waiting for pods or for the router is looked at again. */
        @WithDefault("5s")
        Duration pollInterval();
    }

    /** How built-in analysis reaches the runtime's metrics. */
    interface Analysis {
        /** A pod's metrics endpoint, with {podIP}, {namespace} and {pod}. */
        @WithDefault("http://{podIP}:8080/metrics")
        String podMetricsUrl();

        /** The longest one pod may take to answer a scrape. */
        @WithDefault("5s")
        Duration scrapeTimeout();
    }

    /** How evaluation prompts reach a revision's Service. */
    interface Evaluation {
        /** A Service's base URL, with {service}, {namespace} and {port}. */
        @WithDefault("http://{service}.{namespace}.svc:{port}")
        String serviceUrl();
    }

    /** The Lease that makes one replica of the operator the active one. */
    interface LeaderElection {
        @WithDefault("gantry-operator-lease")
        String leaseName();

        /** The Lease's namespace; the operator's own namespace when unset. */
        Optional<String> namespace();
    }
}
