package dev.gantry.engine.scheduler;

import java.time.Duration;

/** A request waited longer than the queue timeout for admission: the caller should answer 503. */
public class QueueTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueTimeoutException(Duration timeout) {
        super("the request waited " + timeout.toMillis() + " ms for a free sequence slot and timed out");
    }
}
