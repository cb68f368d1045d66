package dev.gantry.constraints.json;

import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.DfaBuilder;
import dev.gantry.constraints.automaton.Dfas;

/**
 * A language of string contents: an automaton over the decoded text (null: any text) and bounds on
 * its length in characters. Free text with bounds stays a counted rule; bounds on a pattern or format
 * are folded into its automaton.
 */
final class StringLang {
    static final StringLang ANY = new StringLang(null, 0, -1);

    final Dfa content;
    final int min;
    final long max;

    StringLang(Dfa content, int min, long max) {
        this.content = content;
        this.min = min;
        this.max = max;
    }

    boolean isFree() {
        return content == null;
    }

    boolean isBounded() {
        return min > 0 || max >= 0;
    }

    boolean isEmpty() {
        return (content != null && content.isEmpty()) || (max >= 0 && min > max);
    }

    StringLang and(StringLang o, CompileBudget budget) {
        Dfa c;
        if (content == null) {
            c = o.content;
        } else if (o.content == null) {
            c = content;
        } else {
            c = Dfas.intersect(content, o.content, budget);
        }
        long mx = max < 0 ? o.max : (o.max < 0 ? max : Math.min(max, o.max));
        return new StringLang(c, Math.max(min, o.min), mx);
    }

    /** The exact content language, bounds included (may be large for long bounds on free text). */
    Dfa folded(CompileBudget budget) {
        Dfa base = content == null ? JsonStrings.anyContent() : content;
        return isBounded() ? DfaBuilder.withLength(base, min, max, budget) : base;
    }
}
