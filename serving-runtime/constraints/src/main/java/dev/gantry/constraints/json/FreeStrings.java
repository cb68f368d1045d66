package dev.gantry.constraints.json;

import dev.gantry.constraints.automaton.CodePointSet;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.automaton.Expr;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The free string literal with leading whitespace, one automaton per whitespace limit (shared). */
final class FreeStrings {
    private static final Map<Integer, Dfa> WITH_WS = new ConcurrentHashMap<>();

    private FreeStrings() {}

    static Dfa withLeadingWs(int maxRun) {
        return WITH_WS.computeIfAbsent(maxRun, m -> {
            Expr c = Expr.codePoints(CodePointSet.ofChars(" \t\n\r"));
            Expr ws = m < 0 ? Expr.star(c) : Expr.repeat(c, 0, m);
            return Dfas.of(Expr.seq(ws, Expr.embed(JsonStrings.freeLiteral())), CompileBudget.UNLIMITED);
        });
    }
}
