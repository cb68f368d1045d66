package dev.gantry.engine.scheduler;

/** The waiting queue is full: the caller should answer 429 with {@code Retry-After}. */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(int queueSize) {
        super("the server is at capacity: " + queueSize + " requests are already waiting");
    }
}
