package dev.gantry.constraints.regex;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.CodePointSet;

/**
 * The character level of the regex subset: the cursor over the pattern, escapes, character classes
 * and Unicode properties, each read into a set of code points. {@link RegexParser} builds structure
 * on top of it.
 */
abstract class RegexLexer {
    private static final CodePointSet DIGIT = CodePointSet.of('0', '9');
    private static final CodePointSet WORD =
            CodePointSet.fromRanges(new int[] {'a', 'z', 'A', 'Z', '0', '9', '_', '_'});
    private static final CodePointSet SPACE = CodePointSet.ofChars(" \t\n\u000B\f\r");
    private static final CodePointSet LINE_TERMINATORS = CodePointSet.ofChars("\n\r\u0085\u2028\u2029");
    static final CodePointSet DOT = LINE_TERMINATORS.complement();

    protected final String src;
    protected int pos;

    RegexLexer(String src) {
        this.src = src;
    }

    /** Parses the escape after the backslash into a set of code points. */
    CodePointSet parseEscapeSet(boolean inClass) {
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

    int parseHexEscape() {
        if (peek('{')) {
            return parseBracedHex();
        }
        return parseHexDigits(2);
    }

    int parseUnicodeEscape() {
        if (peek('{')) {
            return parseBracedHex();
        }
        int cp = parseHexDigits(4);
        if (Character.isHighSurrogate((char) cp) && src.startsWith("\\u", pos) && pos + 6 <= src.length()) {
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

    int parseBracedHex() {
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

    int parseHexDigits(int n) {
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

    CodePointSet parseProperty() {
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

    CodePointSet parseClass() {
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

    CodePointSet parseClassAtom() {
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

    boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    ConstraintException error(String message) {
        return ConstraintException.invalid("regex /" + src + "/ at offset " + pos + ": " + message);
    }
}
