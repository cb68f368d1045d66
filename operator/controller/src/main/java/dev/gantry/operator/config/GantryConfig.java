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

    /** The Lease that makes one replica of the operator the active one. */
    interface LeaderElection {
        @WithDefault("gantry-operator-lease")
        String leaseName();

        /** The Lease's namespace; the operator's own namespace when unset. */
        Optional<String> namespace();
    }
}
