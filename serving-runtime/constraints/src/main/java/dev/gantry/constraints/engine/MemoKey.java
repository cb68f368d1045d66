package dev.gantry.constraints.engine;

import java.util.Arrays;

/**
 * Identifies a resolution by what it depended on: the mask entry (rule state) and the top frames of
 * the stack below it, as deep as the resolution looked, and whether the stack ended there.
 */
final class MemoKey {
    private final MaskEntry entry;
    private final long[] frames;
    private final boolean bottom;
    private final int hash;

    private MemoKey(MaskEntry entry, long[] frames, boolean bottom) {
        this.entry = entry;
        this.frames = frames;
        this.bottom = bottom;
        this.hash = (System.identityHashCode(entry) * 31 + Arrays.hashCode(frames)) * 2 + (bottom ? 1 : 0);
    }

    static MemoKey of(MaskEntry entry, Frame below, int depth) {
        int n = 0;
        for (Frame f = below; f != null && n < depth; f = f.parent) {
            n++;
        }
        long[] frames = new long[2 * n];
        Frame f = below;
        for (int i = 0; i < n; i++) {
            frames[2 * i] = f.rule.uid;
            frames[2 * i + 1] = f.state;
            f = f.parent;
        }
        return new MemoKey(entry, frames, f == null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoKey k
                && k.hash == hash
                && k.entry == entry
                && k.bottom == bottom
                && Arrays.equals(k.frames, frames);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
