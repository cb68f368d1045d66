package dev.gantry.constraints.regex;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.CodePointSet;
import dev.gantry.constraints.automaton.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the supported regular-expression subset (the common ground of java.util.regex and
 * ECMA-262) into an {@link Expr} over UTF-8 bytes. Features whose language is not regular
 * (back-references, look-around) or that this subset leaves out are refused with a clear error.
 */
public final class RegexParser extends RegexLexer {
    /** The largest repetition bound accepted ({@code a{0,1000}}); beyond it: an error. */
    public static final int MAX_REPEAT = 1000;

    /** What {@code .} matches: any character but a line terminator (java.util.regex without DOTALL). */
    public static final CodePointSet DOT = RegexLexer.DOT;

    private RegexParser(String src) {
        super(src);
    }

    /** One top-level alternative and whether it was anchored with {@code ^} and {@code $}. */
    public record Branch(Expr body, boolean anchoredStart, boolean anchoredEnd) {}

    /** The top-level alternatives of the pattern, with their anchors. */
    public static List<Branch> parse(String regex) {
        RegexParser p = new RegexParser(regex);
        List<Branch> branches = p.parseTopLevel();
        if (p.pos != regex.length()) {
            throw p.error("unbalanced ')'");
        }
        return branches;
    }

    /** The pattern as a whole-string match (anchors at the ends are allowed and change nothing). */
    public static Expr parseFullMatch(String regex) {
        List<Expr> options = new ArrayList<>();
        for (Branch b : parse(regex)) {
            options.add(b.body());
        }
        return Expr.alt(options);
    }

    private List<Branch> parseTopLevel() {
        List<Branch> branches = new ArrayList<>();
        while (true) {
            boolean start = false;
            if (peek('^')) {
                pos++;
                start = true;
            }
            List<Expr> items = new ArrayList<>();
            boolean end = false;
            while (pos < src.length() && !peek('|') && !peek(')')) {
                if (peek('^')) {
                    throw error("anchors ('^', '$') are only supported at the ends of the pattern");
                }
                if (peek('$')) {
                    pos++;
                    end = true;
                    if (pos < src.length() && !peek('|') && !peek(')')) {
                        throw error("'$' is only supported at the end of the pattern");
                    }
                    break;
                }
                items.add(parseQuantified());
            }
            branches.add(new Branch(Expr.seq(items), start, end));
            if (!peek('|')) {
                return branches;
            }
            pos++;
        }
    }

    private Expr parseAlternation() {
        List<Expr> options = new ArrayList<>();
        while (true) {
            List<Expr> items = new ArrayList<>();
            while (pos < src.length() && !peek('|') && !peek(')')) {
                if (peek('^') || peek('$')) {
                    throw error("anchors ('^', '$') are only supported at the ends of the pattern");
                }
                items.add(parseQuantified());
            }
            options.add(Expr.seq(items));
            if (!peek('|')) {
                return Expr.alt(options);
            }
            pos++;
        }
    }

    private Expr parseQuantified() {
        Expr atom = parseAtom();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = -1;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = -1;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{' && isBoundedRepeat()) {
                int[] bounds = parseBounds();
                min = bounds[0];
                max = bounds[1];
            } else {
                return atom;
            }
            if (peek('?')) {
                pos++; // lazy: same language
            } else if (peek('+')) {
                throw error("possessive quantifiers are not supported");
            }
            atom = Expr.repeat(atom, min, max);
        }
        return atom;
    }

    private boolean isBoundedRepeat() {
        int i = pos + 1;
        int digits = 0;
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
            digits++;
        }
        return digits > 0 && i < src.length() && (src.charAt(i) == '}' || src.charAt(i) == ',');
    }

    private int[] parseBounds() {
        pos++;
        int min = parseNumber();
        int max = min;
        if (peek(',')) {
            pos++;
            max = peek('}') ? -1 : parseNumber();
        }
        expect('}');
        if (max >= 0 && max < min) {
            throw error("repetition {" + min + "," + max + "} has its maximum below its minimum");
        }
        if (min > MAX_REPEAT || max > MAX_REPEAT) {
            throw new ConstraintException(
                    ConstraintException.Reason.LIMIT_EXCEEDED,
                    "repetition bound above " + MAX_REPEAT + " in regex at offset " + pos);
        }
        return new int[] {min, max};
    }

    private int parseNumber() {
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number");
        }
        if (pos - start > 6) {
            throw new ConstraintException(
                    ConstraintException.Reason.LIMIT_EXCEEDED, "repetition bound too large in regex");
        }
        return Integer.parseInt(src.substring(start, pos));
    }

    private Expr parseAtom() {
        int c = src.codePointAt(pos);
        switch (c) {
            case '(':
                return parseGroup();
            case '[':
                return Expr.codePoints(parseClass());
            case '.':
                pos++;
                return Expr.codePoints(DOT);
            case '\\':
                return parseEscapeAtom();
            case '*':
            case '+':
            case '?':
                throw error("quantifier '" + (char) c + "' has nothing to repeat");
            case '{':
                if (isBoundedRepeat()) {
                    throw error("quantifier has nothing to repeat");
                }
                pos++;
                return Expr.literal("{");
            default:
                pos += Character.charCount(c);
                return Expr.codePoints(CodePointSet.ofChar(c));
        }
    }

    private Expr parseGroup() {
        pos++;
        if (peek('?')) {
            pos++;
            if (peek(':')) {
                pos++;
            } else if (peek('<') && pos + 1 < src.length() && Character.isLetter(src.charAt(pos + 1))) {
                skipGroupName('>');
            } else if (peek('P') && pos + 1 < src.length() && src.charAt(pos + 1) == '<') {
                pos++;
                skipGroupName('>');
            } else if (peek('=') || peek('!') || peek('<')) {
                throw error("look-around assertions are not supported");
            } else {
                throw error("inline flags and special groups '(?...' are not supported");
            }
        }
        Expr inner = parseAlternation();
        expect(')');
        return inner;
    }

    private void skipGroupName(char close) {
        pos++;
        while (pos < src.length() && src.charAt(pos) != close) {
            pos++;
        }
        expect(close);
    }

    private Expr parseEscapeAtom() {
        pos++;
        if (pos >= src.length()) {
            throw error("trailing backslash");
        }
        char c = src.charAt(pos);
        if (c >= '1' && c <= '9' || c == 'k') {
            throw error("back-references are not supported");
        }
        if (c == 'b' || c == 'B' || c == 'A' || c == 'z' || c == 'Z' || c == 'G') {
            throw error("the assertion '\\" + c + "' is not supported");
        }
        return Expr.codePoints(parseEscapeSet(false));
    }
}
