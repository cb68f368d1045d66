package dev.gantry.constraints.engine;

import dev.gantry.constraints.Vocabulary;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the engine derives once per vocabulary and shares across every compiled constraint: the token
 * trie, and lexeme rules interned by language, so that a JSON string or a date format used by a
 * thousand schemas computes its token masks once.
 */
public final class TokenIndex {
    /** Interned lexemes beyond this many are still built, just not shared. */
    private static final int MAX_INTERNED = 4096;

    private final Vocabulary vocabulary;
    private final TokenTrie trie;
    private final ConcurrentHashMap<Object, Rule> lexemes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Object> shared = new ConcurrentHashMap<>();

    public TokenIndex(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.trie = new TokenTrie(vocabulary);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public TokenTrie trie() {
        return trie;
    }

    public int vocabSize() {
        return vocabulary.size();
    }

    /** The shared rule for this lexeme key, built by {@code factory} on first use. */
    public Rule intern(Object key, Supplier<Rule> factory) {
        Rule r = lexemes.get(key);
        if (r != null) {
            return r;
        }
        if (lexemes.size() >= MAX_INTERNED) {
            return factory.get();
        }
        return lexemes.computeIfAbsent(key, k -> {
            Rule made = factory.get();
            made.shared = true;
            return made;
        });
    }

    private final ConcurrentHashMap<Object, Object> structures = new ConcurrentHashMap<>();

    /**
     * One shared instance per distinct content: many rule states accept exactly the same tokens or
     * have exactly the same crossing tails, and their caches then cost the memory once.
     */
    @SuppressWarnings("unchecked")
    <T> T dedupe(T value, Object contentKey) {
        if (structures.size() > 200_000) {
            return value;
        }
        Object prev = structures.putIfAbsent(contentKey, value);
        return prev == null ? value : (T) prev;
    }

    /** Any other per-vocabulary data, computed once under {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Supplier<T> factory) {
        return (T) shared.computeIfAbsent(key, k -> factory.get());
    }

    public int internedLexemes() {
        return lexemes.size();
    }

    /** Approximate heap bytes of everything shared per vocabulary: trie, lexemes, string profiles. */
    public long estimatedBytes() {
        long b = trie.estimatedBytes();
        for (Rule r : lexemes.values()) {
            b += r.estimatedBytes();
        }
        for (Object o : shared.values()) {
            if (o instanceof StringProfile p) {
                b += p.estimatedBytes();
            }
        }
        return b;
    }
}
