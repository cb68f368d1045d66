package dev.gantry.local.traffic;

import java.time.Instant;

/**
 * One request's result as the client saw it.
 *
 * @param status the HTTP status, or 0 when no response came (connection refused, reset, timeout)
 * @param upstream the pod that answered ({@code namespace/pod}, from the gateway), if any
 * @param error why there was no response, or the error body of a failed one
 */
public record Outcome(Instant at, int status, String upstream, String error) {

    public boolean ok() {
        return status == 200 && error == null;
    }
}
