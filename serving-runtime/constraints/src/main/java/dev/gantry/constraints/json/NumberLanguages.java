package dev.gantry.constraints.json;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.DfaBuilder;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.regex.RegexParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Languages of JSON number literals, exact: any number, integers, decimal intervals with inclusive or
 * exclusive bounds, and multiples of a decimal. Generated numbers never use {@code -0}; integers are
 * written without fraction or exponent, and bounded numbers without exponent.
 */
public final class NumberLanguages {
    /** Largest divisor (after scaling {@code multipleOf} to an integer) compiled into a remainder automaton. */
    public static final int MAX_MULTIPLE_DIVISOR = 10_000;

    private static final String NONZERO_NEG = "-(0\\.[0-9]*[1-9][0-9]*|[1-9][0-9]*(\\.[0-9]+)?)";
    private static final String NON_NEG = "(0|[1-9][0-9]*)(\\.[0-9]+)?";
    private static final String EXP = "([eE][+-]?[0-9]+)?";

    private static final Dfa ANY = regex("(" + NON_NEG + "|" + NONZERO_NEG + ")" + EXP);
    private static final Dfa PLAIN = regex(NON_NEG + "|" + NONZERO_NEG);
    private static final Dfa INTEGER = regex("0|-?[1-9][0-9]*");
    private static final Dfa NON_NEGATIVE = regex(NON_NEG);
    private static final Dfa NEGATIVE = regex(NONZERO_NEG);

    private NumberLanguages() {}

    /** Any JSON number (exponents allowed, {@code -0} excluded). */
    public static Dfa any() {
        return ANY;
    }

    public static Dfa integers() {
        return INTEGER;
    }

    /** Numbers without exponent. */
    public static Dfa plain() {
        return PLAIN;
    }

    private static Dfa regex(String r) {
        return Dfas.of(RegexParser.parseFullMatch(r), CompileBudget.UNLIMITED);
    }

    private static Dfa regex(String r, CompileBudget budget) {
        return Dfas.of(RegexParser.parseFullMatch(r), budget);
    }

    /** The canonical literal of a number: integers without fraction, others without trailing zeros. */
    public static String canonical(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.signum() == 0) {
            return "0";
        }
        if (v.scale() <= 0) {
            return v.toBigIntegerExact().toString();
        }
        return v.toPlainString();
    }

    /** Plain numbers x with {@code x >= lo} (or {@code > lo} when {@code exclusive}). */
    public static Dfa atLeast(BigDecimal lo, boolean exclusive, CompileBudget budget) {
        Dfa ge;
        if (lo.signum() >= 0) {
            ge = regex(geq(lo), budget);
        } else {
            Dfa negativesUpTo = regex("-(" + leq(lo.negate()) + ")", budget);
            ge = Dfas.union(NON_NEGATIVE, Dfas.intersect(negativesUpTo, NEGATIVE, budget), budget);
        }
        return exclusive ? Dfas.minus(ge, equalTo(lo, budget), budget) : ge;
    }

    /** Plain numbers x with {@code x <= hi} (or {@code < hi} when {@code exclusive}). */
    public static Dfa atMost(BigDecimal hi, boolean exclusive, CompileBudget budget) {
        Dfa le;
        if (hi.signum() >= 0) {
            le = Dfas.union(NEGATIVE, regex(leq(hi), budget), budget);
        } else {
            le = Dfas.intersect(regex("-(" + geq(hi.negate()) + ")", budget), NEGATIVE, budget);
        }
        return exclusive ? Dfas.minus(le, equalTo(hi, budget), budget) : le;
    }

    /** All plain spellings of {@code v}: its digits with any number of trailing fractional zeros. */
    private static Dfa equalTo(BigDecimal v, CompileBudget budget) {
        String c = canonical(v.abs());
        String sign = v.signum() < 0 ? "-" : "";
        String body = c.contains(".") ? quote(c) + "0*" : quote(c) + "(\\.0+)?";
        return regex(sign + body, budget);
    }

    /** Non-negative plain decimals {@code >= a} (a >= 0). */
    private static String geq(BigDecimal a) {
        String c = canonical(a);
        String intPart = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
        String frac = c.contains(".") ? c.substring(c.indexOf('.') + 1) : "";
        List<String> alts = new ArrayList<>();
        alts.add("(" + intGeq(new BigInteger(intPart).add(BigInteger.ONE)) + ")(\\.[0-9]+)?");
        if (frac.isEmpty()) {
            alts.add(intPart + "(\\.[0-9]+)?");
        } else {
            List<String> fr = new ArrayList<>();
            for (int i = 0; i < frac.length(); i++) {
                int d = frac.charAt(i) - '0';
                if (d < 9) {
                    fr.add(frac.substring(0, i) + "[" + (d + 1) + "-9][0-9]*");
                }
            }
            fr.add(frac + "[0-9]*");
            alts.add(intPart + "\\.(" + String.join("|", fr) + ")");
        }
        return String.join("|", alts);
    }

    /** Non-negative plain decimals {@code <= b} (b >= 0). */
    private static String leq(BigDecimal b) {
        String c = canonical(b);
        String intPart = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
        String frac = c.contains(".") ? c.substring(c.indexOf('.') + 1) : "";
        BigInteger whole = new BigInteger(intPart);
        List<String> alts = new ArrayList<>();
        if (whole.signum() > 0) {
            alts.add("(" + intLeq(whole.subtract(BigInteger.ONE)) + ")(\\.[0-9]+)?");
        }
        if (frac.isEmpty()) {
            alts.add(intPart + "(\\.0+)?");
        } else {
            List<String> fr = new ArrayList<>();
            for (int i = 0; i < frac.length(); i++) {
                int d = frac.charAt(i) - '0';
                if (d > 0) {
                    fr.add(frac.substring(0, i) + "[0-" + (d - 1) + "][0-9]*");
                }
                if (i > 0) {
                    fr.add(frac.substring(0, i));
                }
            }
            fr.add(frac + "0*");
            alts.add(intPart + "(\\.(" + String.join("|", fr) + "))?");
        }
        return String.join("|", alts);
    }

    /** Canonical non-negative integers {@code >= a}. */
    static String intGeq(BigInteger a) {
        if (a.signum() <= 0) {
            return "0|[1-9][0-9]*";
        }
        String s = a.toString();
        int k = s.length();
        List<String> alts = new ArrayList<>();
        alts.add("[1-9][0-9]{" + k + ",}");
        for (int i = 0; i < k; i++) {
            int d = s.charAt(i) - '0';
            if (d < 9) {
                alts.add(s.substring(0, i) + "[" + (d + 1) + "-9]" + "[0-9]{" + (k - 1 - i) + "}");
            }
        }
        alts.add(s);
        return String.join("|", alts);
    }

    /** Canonical non-negative integers {@code <= b} (b >= 0). */
    static String intLeq(BigInteger b) {
        String s = b.toString();
        int k = s.length();
        List<String> alts = new ArrayList<>();
        if (k >= 2) {
            alts.add("0|[1-9][0-9]{0," + (k - 2) + "}");
        }
        for (int i = 0; i < k; i++) {
            int d = s.charAt(i) - '0';
            int low = (i == 0 && k > 1) ? 1 : 0;
            if (d - 1 >= low) {
                alts.add(s.substring(0, i) + "[" + low + "-" + (d - 1) + "]" + "[0-9]{" + (k - 1 - i) + "}");
            }
        }
        alts.add(s);
        return String.join("|", alts);
    }

    /**
     * Plain numbers that are multiples of {@code m} (m > 0): scaled to integers, a remainder
     * automaton over the digits, where digits past the scale must be zeros.
     */
    public static Dfa multipleOf(BigDecimal m, String pointer, CompileBudget budget) {
        BigDecimal s = m.stripTrailingZeros();
        int scale = Math.max(0, s.scale());
        BigInteger divisor = s.movePointRight(scale).toBigIntegerExact();
        if (divisor.compareTo(BigInteger.valueOf(MAX_MULTIPLE_DIVISOR)) > 0 || scale > 40) {
            throw new ConstraintException(
                    ConstraintException.Reason.UNSUPPORTED,
                    "multipleOf " + m.toPlainString() + " at " + pointer
                            + " is too fine-grained to enforce (after scaling, the divisor must be at most "
                            + MAX_MULTIPLE_DIVISOR + ")",
                    pointer,
                    "multipleOf");
        }
        int c = divisor.intValueExact();
        DfaBuilder b = new DfaBuilder(budget);
        int start = b.state();
        int minus = b.state();
        int[] intState = new int[c];
        for (int r = 0; r < c; r++) {
            intState[r] = b.state();
        }
        // fracState[j][r]: j fractional digits read; r = all digits read, as an integer, modulo c
        int[][] fracState = new int[scale + 1][c];
        for (int j = 0; j <= scale; j++) {
            for (int r = 0; r < c; r++) {
                fracState[j][r] = b.state();
            }
        }
        b.edge(start, '-', '-', minus);
        for (int d = 0; d <= 9; d++) {
            b.edge(start, '0' + d, '0' + d, intState[d % c]);
            b.edge(minus, '0' + d, '0' + d, intState[d % c]);
        }
        BigInteger big = BigInteger.valueOf(c);
        for (int r = 0; r < c; r++) {
            budget.check();
            for (int d = 0; d <= 9; d++) {
                b.edge(intState[r], '0' + d, '0' + d, intState[(r * 10 + d) % c]);
            }
            if (isMultiple(r, scale, big)) {
                b.accept(intState[r]);
            }
            b.edge(intState[r], '.', '.', fracState[0][r]);
            for (int j = 0; j <= scale; j++) {
                if (isMultiple(r, scale - j, big)) {
                    b.accept(fracState[j][r]);
                }
                if (j < scale) {
                    for (int d = 0; d <= 9; d++) {
                        b.edge(fracState[j][r], '0' + d, '0' + d, fracState[j + 1][(r * 10 + d) % c]);
                    }
                } else {
                    b.edge(fracState[j][r], '0', '0', fracState[j][r]);
                }
            }
        }
        return Dfas.intersect(b.build(), PLAIN, budget);
    }

    /** Whether {@code r * 10^shift} is divisible by {@code c}. */
    private static boolean isMultiple(int r, int shift, BigInteger c) {
        return BigInteger.valueOf(r).multiply(BigInteger.TEN.pow(shift)).mod(c).signum() == 0;
    }

    private static String quote(String digits) {
        return digits.replace(".", "\\.");
    }
}
