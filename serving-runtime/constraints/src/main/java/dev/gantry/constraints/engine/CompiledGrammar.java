package dev.gantry.constraints.engine;

import java.util.IdentityHashMap;
import java.util.List;

/**
 * A grammar bound to a vocabulary, ready to match: the root rule, every rule reachable from it, and
 * the memo of context resolutions. Immutable apart from its caches, which are safe to fill from many
 * threads; one instance serves every request that uses the constraint.
 */
public final class CompiledGrammar {
    final Rule root;
    final List<Rule> rules;
    final TokenIndex index;
    final Resolver resolver;
    final int maxStacks;
    final int[] eos;

    public CompiledGrammar(Rule root, List<Rule> rules, TokenIndex index, int maxStacks) {
        this.root = root;
        this.rules = List.copyOf(rules);
        this.index = index;
        this.maxStacks = maxStacks;
        this.resolver = new Resolver(index, maxStacks);
        this.eos = index.vocabulary().eosTokenIds();
    }

    private volatile Completion completion;

    Completion completion() {
        Completion c = completion;
        if (c == null) {
            c = new Completion(rules);
            completion = c;
        }
        return c;
    }

    public TokenMatcher newMatcher() {
        return new TokenMatcher(this);
    }

    Configuration initial() {
        return new Pda(maxStacks).initial(root);
    }

    /** Whether the bytes are a complete match (no vocabulary involved). */
    public boolean matches(byte[] bytes) {
        Pda pda = new Pda(maxStacks);
        Configuration c = pda.scan(pda.initial(root), bytes, 0);
        return c.complete;
    }

    /** Whether the bytes can be continued into a complete match. */
    public boolean isViablePrefix(byte[] bytes) {
        Pda pda = new Pda(maxStacks);
        return !pda.scan(pda.initial(root), bytes, 0).isDead();
    }

    public int ruleCount() {
        return rules.size();
    }

    /**
     * Approximate heap bytes this constraint owns: its rule automata, their mask caches filled so far
     * and the resolution memo. Lexemes shared through the vocabulary's index are counted there.
     */
    public long estimatedBytes() {
        long b = 128 + resolver.estimatedBytes();
        IdentityHashMap<Rule, Boolean> seen = new IdentityHashMap<>();
        for (Rule r : rules) {
            if (!r.shared && seen.put(r, Boolean.TRUE) == null) {
                b += r.estimatedBytes();
            }
        }
        return b;
    }

    /** Number of memoised context resolutions (for tests and diagnostics). */
    public int memoSize() {
        return resolver.memoSize();
    }
}
