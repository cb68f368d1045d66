package dev.gantry.operator.config;

import dev.gantry.operator.modeldeployment.ReconcilerSettings;
import dev.gantry.operator.modelrollout.RolloutSettings;
import dev.gantry.operator.modelrollout.RolloutTrafficSource;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.traffic.TrafficSplitSource;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** CDI beans built from {@link GantryConfig}. */
@Singleton
public class OperatorBeans {

    @Produces
    @Singleton
    ReconcilerSettings reconcilerSettings(GantryConfig config) {
        return new ReconcilerSettings(
                defaults(config),
                config.reconcile().recheckInterval(),
                config.reconcile().progressResync(),
                instanceName());
    }

    @Produces
    @Singleton
    RolloutSettings rolloutSettings(GantryConfig config) {
        return new RolloutSettings(
                defaults(config),
                config.rollout().pollInterval(),
                config.analysis().podMetricsUrl(),
                config.analysis().scrapeTimeout(),
                config.evaluation().serviceUrl(),
                instanceName());
    }

    static OperatorDefaults defaults(GantryConfig config) {
        var runtime = config.runtime();
        return new OperatorDefaults(runtime.image(), runtime.gpuImage(), runtime.logFormat(), runtime.hfEndpoint());
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** ModelRollouts decide the split of the ModelDeployments they target; the others are replaced directly. */
    @Produces
    @Singleton
    @DefaultBean
    TrafficSplitSource trafficSplitSource() {
        return new RolloutTrafficSource();
    }

    /** Active in the prod profile (quarkus.operator-sdk.activate-leader-election-for-profiles). */
    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(GantryConfig config) {
        var election = config.leaderElection();
        return new LeaderElectionConfiguration(
                election.leaseName(), election.namespace().orElse(null), instanceName());
    }

    /** The pod's name in a cluster (HOSTNAME), for Events and the Lease holder. */
    static String instanceName() {
        return Optional.ofNullable(System.getenv("HOSTNAME"))
                .filter(name -> !name.isBlank())
                .orElse("gantry-operator");
    }
}
