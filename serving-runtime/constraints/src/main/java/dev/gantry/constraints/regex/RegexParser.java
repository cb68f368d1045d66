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
public final class RegexParser {
    /** The largest repetition bound accepted ({@code a{0,1000}}); beyond it: an error. */
    public static final int MAX_REPEAT = 1000;

    private static final CodePointSet DIGIT = CodePointSet.of('0', '9');
    private static final CodePointSet WORD = CodePointSet.fromRanges(new int[] {'a', 'z', 'A', 'Z', '0', '9', '_', '_'});
    private static final CodePointSet SPACE = CodePointSet.ofChars(" \t\n\u000B\f\r");
    private static final CodePointSet LINE_TERMINATORS = CodePointSet.ofChars("\n\r\u0085\u2028\u2029");
    /** What {@code .} matches: any character but a line terminator (java.util.regex without DOTALL). */
    public static final CodePointSet DOT = LINE_TERMINATORS.complement();

    private final String src;
    private int pos;

    private RegexParser(String src) {
        this.src = src;
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

    /** Parses the escape after the backslash into a set of code points. */
    private CodePointSet parseEscapeSet(boolean inClass) {
        char c = src.charAt(pos++);
        switch (c) {
            case 'd':
                return DIGIT;
            case 'D':
                return DIGIT.complement();
            case 'w':
                return WORD;
            case 'W':
                return WORD.complement();
            case 's':
                return SPACE;
            case 'S':
                return SPACE.complement();
            case 'n':
                return CodePointSet.ofChar('\n');
            case 'r':
                return CodePointSet.ofChar('\r');
            case 't':
                return CodePointSet.ofChar('\t');
            case 'f':
                return CodePointSet.ofChar('\f');
            case 'v':
                throw error("'\\v' means different things in different regex dialects; write [\\x0B] instead");
            case 'a':
                return CodePointSet.ofChar(7);
            case 'e':
                return CodePointSet.ofChar(0x1B);
            case '0':
                return CodePointSet.ofChar(0);
            case 'b':
                if (inClass) {
                    return CodePointSet.ofChar(8);
                }
                throw error("'\\b' is not supported");
            case 'x':
                return CodePointSet.ofChar(parseHexEscape());
            case 'u':
                return CodePointSet.ofChar(parseUnicodeEscape());
            case 'c':
                if (pos < src.length() && Character.isLetter(src.charAt(pos))) {
                    return CodePointSet.ofChar(src.charAt(pos++) % 32);
                }
                throw error("bad control escape");
            case 'p':
            case 'P':
                CodePointSet set = parseProperty();
                return c == 'P' ? set.complement() : set;
            default:
                if (Character.isLetterOrDigit(c)) {
                    throw error("unknown escape '\\" + c + "'");
                }
                return CodePointSet.ofChar(c);
        }
    }

    private int parseHexEscape() {
        if (peek('{')) {
            return parseBracedHex();
        }
        return parseHexDigits(2);
    }

    private int parseUnicodeEscape() {
        if (peek('{')) {
            return parseBracedHex();
        }
        int cp = parseHexDigits(4);
        if (Character.isHighSurrogate((char) cp)
                && src.startsWith("\\u", pos)
                && pos + 6 <= src.length()) {
            int save = pos;
            pos += 2;
            int low = parseHexDigits(4);
            if (Character.isLowSurrogate((char) low)) {
                return Character.toCodePoint((char) cp, (char) low);
            }
            pos = save;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            throw error("a lone surrogate cannot be matched");
        }
        return cp;
    }

    private int parseBracedHex() {
        pos++;
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != '}') {
            pos++;
        }
        String hex = src.substring(start, pos);
        expect('}');
        try {
            int cp = Integer.parseInt(hex, 16);
            if (cp > CodePointSet.MAX) {
                throw error("code point out of range");
            }
            return cp;
        } catch (NumberFormatException e) {
            throw error("bad hexadecimal escape");
        }
    }

    private int parseHexDigits(int n) {
        if (pos + n > src.length()) {
            throw error("incomplete hexadecimal escape");
        }
        try {
            int v = Integer.parseInt(src.substring(pos, pos + n), 16);
            pos += n;
            return v;
        } catch (NumberFormatException e) {
            throw error("bad hexadecimal escape");
        }
    }

    private CodePointSet parseProperty() {
        String name;
        if (peek('{')) {
            int close = src.indexOf('}', pos);
            if (close < 0) {
                throw error("unterminated \\p{...}");
            }
            name = src.substring(pos + 1, close);
            pos = close + 1;
        } else if (pos < src.length()) {
            name = String.valueOf(src.charAt(pos++));
        } else {
            throw error("incomplete \\p");
        }
        CodePointSet set = UnicodeProperties.lookup(name);
        if (set == null) {
            throw error("unsupported Unicode property '" + name + "'");
        }
        return set;
    }

    private CodePointSet parseClass() {
        pos++;
        boolean negate = false;
        if (peek('^')) {
            negate = true;
            pos++;
        }
        CodePointSet.Builder b = new CodePointSet.Builder();
        boolean first = true;
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated character class");
            }
            if (peek(']') && !first) {
                pos++;
                break;
            }
            if (peek('[')) {
                throw error("nested character classes are not supported");
            }
            if (src.startsWith("&&", pos)) {
                throw error("character class intersection '&&' is not supported");
            }
            first = false;
            CodePointSet item = parseClassAtom();
            if (peek('-') && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                pos++;
                CodePointSet hiSet = parseClassAtom();
                if (!isSingle(item) || !isSingle(hiSet)) {
                    throw error("a range bound must be a single character");
                }
                int lo = item.lo(0);
                int hi = hiSet.lo(0);
                if (hi < lo) {
                    throw error("character range out of order");
                }
                b.add(lo, hi);
            } else {
                b.addAll(item);
            }
        }
        CodePointSet set = b.build();
        return negate ? set.complement() : set;
    }

    private static boolean isSingle(CodePointSet s) {
        return s.rangeCount() == 1 && s.lo(0) == s.hi(0);
    }

    private CodePointSet parseClassAtom() {
        if (peek('\\')) {
            pos++;
            if (pos >= src.length()) {
                throw error("trailing backslash");
            }
            return parseEscapeSet(true);
        }
        int c = src.codePointAt(pos);
        pos += Character.charCount(c);
        return CodePointSet.ofChar(c);
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private ConstraintException error(String message) {
        return ConstraintException.invalid("regex /" + src + "/ at offset " + pos + ": " + message);
    }
}
