package dev.gantry.constraints.engine;

/**
 * Everything the matcher may be in after some input: the parse stacks whose top can read a byte, and
 * whether the input so far is already a complete match. Immutable, so rollback is keeping old ones.
 */
final class Configuration {
    static final Configuration DEAD = new Configuration(new Frame[0], false);

    final Frame[] tops;
    final boolean complete;

    Configuration(Frame[] tops, boolean complete) {
        this.tops = tops;
        this.complete = complete;
    }

    boolean isDead() {
        return tops.length == 0 && !complete;
    }

    /** Complete and nothing can follow. */
    boolean isTerminated() {
        return tops.length == 0 && complete;
    }
}
