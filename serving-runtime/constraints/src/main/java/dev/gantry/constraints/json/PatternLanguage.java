package dev.gantry.constraints.json;

import dev.gantry.constraints.automaton.CodePointSet;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.automaton.Expr;
import dev.gantry.constraints.regex.RegexParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strings a JSON Schema {@code pattern} accepts: like ECMA-262's {@code test}, the pattern may
 * match anywhere in the string unless anchored with {@code ^} / {@code $}. Compiled automata are
 * cached by pattern text.
 */
final class PatternLanguage {
    private static final int CACHE_SIZE = 512;
    private static final Map<String, Dfa> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Dfa> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private PatternLanguage() {}

    static Dfa search(String pattern, CompileBudget budget) {
        synchronized (CACHE) {
            Dfa hit = CACHE.get(pattern);
            if (hit != null) {
                return hit;
            }
        }
        Expr anything = Expr.star(Expr.codePoints(CodePointSet.ALL));
        List<Expr> alts = new ArrayList<>();
        for (RegexParser.Branch b : RegexParser.parse(pattern)) {
            alts.add(Expr.seq(
                    b.anchoredStart() ? Expr.EMPTY : anything, b.body(), b.anchoredEnd() ? Expr.EMPTY : anything));
        }
        Dfa dfa = Dfas.of(Expr.alt(alts), budget);
        synchronized (CACHE) {
            CACHE.put(pattern, dfa);
        }
        return dfa;
    }
}
