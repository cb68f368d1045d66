package dev.gantry.engine.sampling;

/** Told how long each constraint mask took to compute (for the {@code gantry_constraint_mask_seconds} metric). */
@FunctionalInterface
public interface MaskObserver {
    MaskObserver NONE = nanos -> {};

    void maskComputed(long nanos);
}
