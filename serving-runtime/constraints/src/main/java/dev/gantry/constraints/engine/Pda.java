package dev.gantry.constraints.engine;

import dev.gantry.constraints.ConstraintException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The pushdown matcher's two moves on a {@link Configuration}: expanding a stack until its top can read
 * a byte (pushing referenced rules, popping finished ones), and scanning one byte on every stack.
 * Records how deep below the starting top the moves looked, so results can be memoised by context.
 */
final class Pda {
    private final int maxStacks;
    private final HashSet<Frame> visited = new HashSet<>();
    private final List<Frame> tops = new ArrayList<>();
    private boolean complete;
    /** Smallest stack depth a pop exposed (Integer.MAX_VALUE: none; -1: the bottom). */
    int minExposedDepth = Integer.MAX_VALUE;

    Pda(int maxStacks) {
        this.maxStacks = maxStacks;
    }

    /** The configuration that starts a rule at the bottom of an empty stack. */
    Configuration initial(Rule root) {
        reset();
        expand(new Frame(root, root.start(), null));
        return finish();
    }

    /** Expands one stack (whose top may sit anywhere in its rule). */
    Configuration expandOne(Frame stack) {
        reset();
        expand(stack);
        return finish();
    }

    /** The configuration after reading byte {@code b}; {@link Configuration#DEAD} when none survives. */
    Configuration scan(Configuration c, int b) {
        reset();
        for (Frame top : c.tops) {
            long next = top.rule.step(top.state, b);
            if (next >= 0) {
                expand(new Frame(top.rule, next, top.parent));
            }
        }
        return finish();
    }

    Configuration scan(Configuration c, byte[] bytes, int from) {
        Configuration cur = c;
        for (int i = from; i < bytes.length && !cur.isDead(); i++) {
            cur = scan(cur, bytes[i] & 0xFF);
        }
        return cur;
    }

    private void reset() {
        visited.clear();
        tops.clear();
        complete = false;
    }

    private Configuration finish() {
        if (tops.isEmpty()) {
            return complete ? new Configuration(new Frame[0], true) : Configuration.DEAD;
        }
        return new Configuration(tops.toArray(new Frame[0]), complete);
    }

    private void expand(Frame f) {
        if (f == null) {
            complete = true;
            minExposedDepth = -1;
            return;
        }
        if (!visited.add(f)) {
            return;
        }
        if (visited.size() > maxStacks) {
            throw new ConstraintException(
                    ConstraintException.Reason.LIMIT_EXCEEDED,
                    "the grammar is too ambiguous: more than " + maxStacks
                            + " parse stacks at once (limit maxParseStacks)");
        }
        Rule r = f.rule;
        long s = f.state;
        if (r.hasByteEdges(s)) {
            tops.add(f);
        }
        int refs = r.refCount(s);
        for (int i = 0; i < refs; i++) {
            Rule child = r.refRule(s, i);
            Frame resume = new Frame(r, r.refTarget(s, i), f.parent);
            expand(new Frame(child, child.start(), resume));
        }
        if (r.accepting(s)) {
            Frame p = f.parent;
            if (p != null && p.depth < minExposedDepth) {
                minExposedDepth = p.depth;
            }
            expand(p);
        }
    }
}
