package dev.gantry.constraints.json;

import dev.gantry.constraints.automaton.CodePointSet;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.DfaBuilder;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.automaton.Expr;
import java.nio.charset.StandardCharsets;

/**
 * Turns languages of string contents (decoded text, as UTF-8) into languages of JSON string literals.
 * Encoding policy: characters are written raw (UTF-8), except {@code "} and {@code \} (always
 * escaped) and U+0000..U+001F (short escapes {@code \b \f \n \r \t} or {@code \\u00XX}); {@code /}
 * may also be written {@code \/}. Other {@code \\u} escapes are not produced or accepted.
 */
public final class JsonStrings {
    private static final Dfa ANY_CONTENT =
            Dfas.of(Expr.star(Expr.codePoints(CodePointSet.ALL)), CompileBudget.UNLIMITED);
    private static final Dfa FREE_LITERAL = literal(ANY_CONTENT, CompileBudget.UNLIMITED);

    private JsonStrings() {}

    /** Every string (any content). */
    public static Dfa anyContent() {
        return ANY_CONTENT;
    }

    /** The literal of every string: {@code "..."}. */
    public static Dfa freeLiteral() {
        return FREE_LITERAL;
    }

    /** The content DFA of exactly {@code text}. */
    public static Dfa contentOf(String text, CompileBudget budget) {
        return Dfas.of(Expr.literal(text), budget);
    }

    /** The JSON literal language (quotes included) whose decoded contents are {@code content}. */
    public static Dfa literal(Dfa content, CompileBudget budget) {
        DfaBuilder b = new DfaBuilder(budget);
        int start = b.state();
        int fin = b.state();
        b.accept(fin);
        if (content.isEmpty()) {
            return Dfas.of(Expr.NOTHING, budget);
        }
        int[] map = new int[content.stateCount()];
        for (int q = 0; q < map.length; q++) {
            map[q] = b.state();
        }
        b.edge(start, '"', '"', map[content.start()]);
        for (int q = 0; q < map.length; q++) {
            budget.check();
            if (content.accepting(q)) {
                b.edge(map[q], '"', '"', fin);
            }
            for (int c = 0; c < content.classCount(); c++) {
                int t = content.nextByClass(q, c);
                if (t >= 0) {
                    encodeRange(b, map[q], content.classLo(c), content.classHi(c), map[t]);
                }
            }
        }
        return b.build();
    }

    private static void encodeRange(DfaBuilder b, int from, int lo, int hi, int to) {
        int cursor = lo;
        for (int x = lo; x <= hi + 1; x++) {
            boolean special = x <= hi && mustEscape(x);
            if (x > hi || special) {
                if (cursor < x) {
                    b.edge(from, cursor, x - 1, to);
                }
                if (special) {
                    escapes(b, from, x, to);
                }
                cursor = x + 1;
            } else if (x == '/') {
                escapes(b, from, x, to);
            }
        }
    }

    private static boolean mustEscape(int b) {
        return b < 0x20 || b == '"' || b == '\\';
    }

    /** The escape sequences for byte {@code x} (an ASCII character). */
    private static void escapes(DfaBuilder b, int from, int x, int to) {
        char shortForm = switch (x) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 0x08 -> 'b';
            case 0x0C -> 'f';
            case 0x0A -> 'n';
            case 0x0D -> 'r';
            case 0x09 -> 't';
            default -> 0;
        };
        if (shortForm != 0) {
            path(b, from, to, "\\" + shortForm);
        }
        if (x < 0x20) {
            String hex = String.format("%02x", x);
            int s = path(b, from, -1, "\\u00" + hex.charAt(0));
            hexDigit(b, s, hex.charAt(1), to);
        }
    }

    /** Adds a chain of literal bytes; returns its last state (or ends at {@code to} when given). */
    private static int path(DfaBuilder b, int from, int to, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int cur = from;
        for (int i = 0; i < bytes.length; i++) {
            int next = (i == bytes.length - 1 && to >= 0) ? to : b.state();
            b.edge(cur, bytes[i], bytes[i], next);
            cur = next;
        }
        return cur;
    }

    private static void hexDigit(DfaBuilder b, int from, char digit, int to) {
        b.edge(from, digit, digit, to);
        if (digit >= 'a' && digit <= 'f') {
            char upper = Character.toUpperCase(digit);
            b.edge(from, upper, upper, to);
        }
    }

    /** The canonical JSON literal of a string under this policy (what the generator would write). */
    public static String encode(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (cp < 0x20) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
