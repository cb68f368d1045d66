package dev.gantry.constraints.grammar;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.CodePointSet;
import dev.gantry.constraints.automaton.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses llama.cpp's GBNF dialect: {@code name ::= body} rules with "literals", [character classes]
 * (ranges, {@code ^} negation), {@code .}, grouping, {@code |}, and {@code * + ? {m} {m,} {m,n} {,n}},
 * comments with {@code #}. A rule continues until the next {@code name ::=}. Everything is matched on
 * Unicode characters, encoded as UTF-8.
 */
public final class GbnfParser {
    /** Largest repetition bound accepted in {@code {m,n}}. */
    public static final int MAX_REPEAT = 10_000;

    private final String src;
    private int pos;

    private GbnfParser(String src) {
        this.src = src;
    }

    public static GrammarDef parse(String text, String root) {
        GbnfParser p = new GbnfParser(text);
        GrammarDef def = new GrammarDef(root);
        p.skipSpace();
        if (p.pos >= text.length()) {
            throw ConstraintException.invalid("the grammar is empty");
        }
        while (p.pos < text.length()) {
            int at = p.pos;
            String name = p.parseName();
            p.skipSpace();
            if (!text.startsWith("::=", p.pos)) {
                throw p.error("expected '::=' after rule name '" + name + "'");
            }
            p.pos += 3;
            if (def.has(name)) {
                p.pos = at;
                throw p.error("rule '" + name + "' is defined twice");
            }
            Expr body = p.parseAlternation();
            def.rule(name, body, true);
            p.skipSpace();
        }
        return def;
    }

    private Expr parseAlternation() {
        List<Expr> options = new ArrayList<>();
        options.add(parseSequence());
        while (true) {
            skipSpace();
            if (!peek('|')) {
                return Expr.alt(options);
            }
            pos++;
            options.add(parseSequence());
        }
    }

    private Expr parseSequence() {
        List<Expr> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length() || peek('|') || peek(')') || atRuleStart()) {
                return Expr.seq(items);
            }
            items.add(parseRepeat(parsePrimary()));
        }
    }

    private Expr parseRepeat(Expr atom) {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '*') {
                pos++;
                atom = Expr.star(atom);
            } else if (c == '+') {
                pos++;
                atom = Expr.plus(atom);
            } else if (c == '?') {
                pos++;
                atom = Expr.optional(atom);
            } else if (c == '{') {
                int[] b = parseBounds();
                atom = Expr.repeat(atom, b[0], b[1]);
            } else {
                return atom;
            }
        }
        return atom;
    }

    private int[] parseBounds() {
        pos++;
        skipInlineSpace();
        int min = 0;
        if (!peek(',')) {
            min = parseInt();
        }
        skipInlineSpace();
        int max = min;
        if (peek(',')) {
            pos++;
            skipInlineSpace();
            max = peek('}') ? -1 : parseInt();
        }
        skipInlineSpace();
        if (!peek('}')) {
            throw error("expected '}'");
        }
        pos++;
        if (max >= 0 && max < min) {
            throw error("repetition has its maximum below its minimum");
        }
        if (min > MAX_REPEAT || max > MAX_REPEAT) {
            throw new ConstraintException(
                    ConstraintException.Reason.LIMIT_EXCEEDED,
                    "repetition bound above " + MAX_REPEAT + " in the grammar");
        }
        return new int[] {min, max};
    }

    private int parseInt() {
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (start == pos || pos - start > 6) {
            throw error("expected a repetition count");
        }
        return Integer.parseInt(src.substring(start, pos));
    }

    private Expr parsePrimary() {
        char c = src.charAt(pos);
        if (c == '"') {
            return parseLiteral();
        } else if (c == '[') {
            return Expr.codePoints(parseClass());
        } else if (c == '.') {
            pos++;
            return Expr.codePoints(CodePointSet.ALL);
        } else if (c == '(') {
            pos++;
            Expr inner = parseAlternation();
            skipSpace();
            if (!peek(')')) {
                throw error("expected ')'");
            }
            pos++;
            return inner;
        } else if (c == '<') {
            throw error("token references (<...>) are not supported");
        } else if (isNameChar(c)) {
            return Expr.ref(parseName());
        }
        throw error("unexpected character '" + c + "'");
    }

    private Expr parseLiteral() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated string literal");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return Expr.literal(sb.toString());
            }
            if (c == '\n') {
                throw error("newline inside a string literal");
            }
            sb.appendCodePoint(parseChar());
        }
    }

    private CodePointSet parseClass() {
        pos++;
        boolean negate = false;
        if (peek('^')) {
            negate = true;
            pos++;
        }
        CodePointSet.Builder b = new CodePointSet.Builder();
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated character class");
            }
            if (peek(']')) {
                pos++;
                break;
            }
            int lo = parseChar();
            int hi = lo;
            if (peek('-') && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                pos++;
                hi = parseChar();
                if (hi < lo) {
                    throw error("character range out of order");
                }
            }
            b.add(lo, hi);
        }
        CodePointSet set = b.build();
        return negate ? set.complement() : set;
    }

    private int parseChar() {
        char c = src.charAt(pos);
        if (c != '\\') {
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            return cp;
        }
        pos++;
        if (pos >= src.length()) {
            throw error("trailing backslash");
        }
        char e = src.charAt(pos++);
        switch (e) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case '0':
                return 0;
            case 'x':
                return hex(2);
            case 'u':
                return hex(4);
            case 'U':
                return hex(8);
            case '\\':
            case '"':
            case '\'':
            case '[':
            case ']':
            case '-':
            case '^':
            case '/':
                return e;
            default:
                throw error("unknown escape '\\" + e + "'");
        }
    }

    private int hex(int n) {
        if (pos + n > src.length()) {
            throw error("incomplete escape");
        }
        try {
            int v = Integer.parseInt(src.substring(pos, pos + n), 16);
            pos += n;
            if (v > CodePointSet.MAX || (v >= 0xD800 && v <= 0xDFFF)) {
                throw error("escape is not a Unicode scalar value");
            }
            return v;
        } catch (NumberFormatException ex) {
            throw error("bad hexadecimal escape");
        }
    }

    private String parseName() {
        int start = pos;
        while (pos < src.length() && isNameChar(src.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a rule name");
        }
        return src.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.';
    }

    /** True when the input continues with {@code name ::=}: the next rule, ending this one. */
    private boolean atRuleStart() {
        int p = pos;
        while (p < src.length() && isNameChar(src.charAt(p))) {
            p++;
        }
        if (p == pos) {
            return false;
        }
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
            p++;
        }
        return src.startsWith("::=", p);
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipInlineSpace() {
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private ConstraintException error(String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, src.length()); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return ConstraintException.invalid("grammar line " + line + ", column " + col + ": " + message);
    }
}
