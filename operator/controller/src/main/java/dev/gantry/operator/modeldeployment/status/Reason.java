package dev.gantry.operator.modeldeployment.status;

/**
 * The fixed vocabulary of condition and Event reasons, in CamelCase. A reason is never an exception class
 * name; docs/operator.md lists what each means and what to do.
 */
public enum Reason {
    // Ready=True, Progressing=False at rest, Degraded=False
    Available(false),
    RevisionAvailable(false),
    AsExpected(false),
    // Waiting, nothing to fix
    ModelLoading(false),
    MinimumReplicasUnavailable(false),
    RevisionRollingOut(false),
    RevisionHeldBack(false),
    ScaledToZero(false),
    // The user must act
    InvalidSpec(true),
    SecretNotFound(true),
    ServiceAccountNotFound(true),
    PersistentVolumeClaimNotFound(true),
    ResourceConflict(true),
    ImagePullFailing(true),
    CrashLooping(true),
    ModelDownloadFailing(true),
    ContainerConfigError(true),
    Unschedulable(true),
    ReplicaFailure(true),
    ProgressDeadlineExceeded(true),
    CacheUnavailable(true),
    GatewayApiMissing(true);

    private final boolean needsAction;

    Reason(boolean needsAction) {
        this.needsAction = needsAction;
    }

    /** Whether a person has to fix something: such reasons raise Warning Events. */
    public boolean needsAction() {
        return needsAction;
    }
}
