package dev.gantry.operator.modeldeployment.status;

/**
 * Something observed on the children that explains the status, e.g. pods crash-looping.
 *
 * @param reason the condition reason
 * @param message what was seen, naming the pod or Deployment, for humans
 * @param pods how many pods show it
 */
public record Finding(Reason reason, String message, int pods) {

    /** Most severe first: what keeps pods from ever serving comes before what may resolve itself. */
    static int severity(Reason reason) {
        return switch (reason) {
            case ImagePullFailing -> 0;
            case ContainerConfigError -> 1;
            case ModelDownloadFailing -> 2;
            case CrashLooping -> 3;
            case Unschedulable -> 4;
            case ReplicaFailure -> 5;
            case ProgressDeadlineExceeded -> 6;
            case CacheUnavailable -> 7;
            default -> 8;
        };
    }
}
