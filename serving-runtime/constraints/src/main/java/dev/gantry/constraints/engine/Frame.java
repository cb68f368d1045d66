package dev.gantry.constraints.engine;

/**
 * One level of a persistent parse stack: a rule, its state, and the frame below (whose state is where
 * it resumes when this rule ends). Frames are shared between the stacks derived from each other.
 */
final class Frame {
    final Rule rule;
    final long state;
    final Frame parent;
    final int depth;
    private final int hash;

    Frame(Rule rule, long state, Frame parent) {
        this.rule = rule;
        this.state = state;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        long h = (rule.uid * 0x9E3779B97F4A7C15L)
                ^ (state * 0xC2B2AE3D27D4EB4FL)
                ^ (parent == null ? 0 : parent.hash * 0x165667B19E3779F9L);
        this.hash = Long.hashCode(h ^ (h >>> 29));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Frame f) || f.hash != hash || f.rule != rule || f.state != state || f.depth != depth) {
            return false;
        }
        return parent == f.parent || parent.equals(f.parent);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Frame f = this; f != null; f = f.parent) {
            sb.append(f.rule.name).append('@').append(f.state).append(f.parent != null ? " < " : "");
        }
        return sb.toString();
    }
}
