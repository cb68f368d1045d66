package dev.gantry.engine.scheduler;

/** Lets the submitter cancel a sequence; its slot is freed at the scheduler's next step. */
public interface GenerationHandle {
    void cancel();
}
