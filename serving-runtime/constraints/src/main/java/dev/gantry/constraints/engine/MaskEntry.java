package dev.gantry.constraints.engine;

/**
 * The token classification for one rule state: tokens accepted whatever the stack below holds, and
 * the tokens that cross the rule's boundary, grouped by the state where they cross and kept as tails
 * to resolve against the actual stack. Immutable except for the context depth its memo keys use.
 */
final class MaskEntry {
    final TokenSet accepted;
    final Group[] groups;
    /** How many frames below the top the memo key takes (grows when a resolution looked deeper). */
    volatile int contextDepth;

    MaskEntry(TokenSet accepted, Group[] groups) {
        this.accepted = accepted;
        this.groups = groups;
    }

    /**
     * Tokens whose tails start in {@code eventState} of the entry's rule: as a trie of their tails, or,
     * when there are very many, as the vocabulary-trie subtrees they fill ({@code roots}: node, tail
     * start depth pairs), walked directly when resolved.
     */
    record Group(long eventState, SuffixTrie tails, int[] roots) {}

    boolean hasGroups() {
        return groups.length > 0;
    }

    long estimatedBytes(boolean countDense) {
        long b = 48 + accepted.ownBytes(countDense);
        for (Group g : groups) {
            b += 32 + (g.tails() != null ? g.tails().estimatedBytes() : 16 + 4L * g.roots().length);
        }
        return b;
    }
}
