package dev.gantry.constraints.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Number languages are exact: membership agrees with BigDecimal arithmetic on random numbers. */
class NumberLanguagesTest {
    private static final CompileBudget BUDGET = CompileBudget.UNLIMITED;
    private final Random random = new Random(42);

    private BigDecimal randomDecimal() {
        int scale = random.nextInt(4);
        long unscaled = random.nextInt(4) == 0 ? random.nextInt(3) - 1 : (long) (random.nextGaussian() * 2000);
        return BigDecimal.valueOf(unscaled, scale);
    }

    /** Spellings of a number: canonical, with trailing zeros, and integers with ".0". */
    private List<String> spellings(BigDecimal v) {
        List<String> out = new ArrayList<>();
        String canonical = NumberLanguages.canonical(v);
        out.add(canonical);
        out.add(canonical.contains(".") ? canonical + "0" : canonical + ".0");
        out.add(v.toPlainString());
        return out;
    }

    private static boolean in(Dfa d, String s) {
        return d.matches(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void boundsAgreeWithDecimalComparison() {
        for (int round = 0; round < 60; round++) {
            BigDecimal bound = randomDecimal();
            boolean exclusive = random.nextBoolean();
            Dfa atLeast =
                    Dfas.intersect(NumberLanguages.atLeast(bound, exclusive, BUDGET), NumberLanguages.plain(), BUDGET);
            Dfa atMost =
                    Dfas.intersect(NumberLanguages.atMost(bound, exclusive, BUDGET), NumberLanguages.plain(), BUDGET);
            for (int k = 0; k < 60; k++) {
                BigDecimal x = k < 5 ? bound.add(BigDecimal.valueOf(k - 2, 2)) : randomDecimal();
                int cmp = x.compareTo(bound);
                for (String s : spellings(x)) {
                    if (s.startsWith("-0") && x.signum() == 0 || s.matches("-0(\\.0*)?")) {
                        continue;
                    }
                    assertThat(in(atLeast, s))
                            .as("%s %s %s", s, exclusive ? ">" : ">=", bound)
                            .isEqualTo(exclusive ? cmp > 0 : cmp >= 0);
                    assertThat(in(atMost, s))
                            .as("%s %s %s", s, exclusive ? "<" : "<=", bound)
                            .isEqualTo(exclusive ? cmp < 0 : cmp <= 0);
                }
            }
        }
    }

    @Test
    void multiplesAgreeWithDecimalDivision() {
        for (String m : List.of("1", "2", "3", "7", "0.5", "0.25", "1.5", "0.01", "12", "100", "0.0001", "2.5")) {
            BigDecimal divisor = new BigDecimal(m);
            Dfa multiples = NumberLanguages.multipleOf(divisor, "/multipleOf", BUDGET);
            for (int k = 0; k < 300; k++) {
                BigDecimal x = randomDecimal();
                boolean expected = x.remainder(divisor).signum() == 0;
                for (String s : spellings(x)) {
                    if (s.matches("-0(\\.0*)?")) {
                        continue;
                    }
                    assertThat(in(multiples, s)).as("%s multiple of %s", s, m).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void integersHaveNoFractionExponentOrNegativeZero() {
        Dfa ints = NumberLanguages.integers();

        assertThat(in(ints, "0")).isTrue();
        assertThat(in(ints, "-17")).isTrue();
        assertThat(in(ints, "1.0")).isFalse();
        assertThat(in(ints, "1e2")).isFalse();
        assertThat(in(ints, "-0")).isFalse();
        assertThat(in(ints, "007")).isFalse();
    }

    @Test
    void anyNumberIsJsonNumberSyntaxWithoutNegativeZero() {
        Dfa any = NumberLanguages.any();

        assertThat(in(any, "-1.5e-3")).isTrue();
        assertThat(in(any, "0.0")).isTrue();
        assertThat(in(any, "1E+9")).isTrue();
        assertThat(in(any, "-0.0")).isFalse();
        assertThat(in(any, ".5")).isFalse();
        assertThat(in(any, "1.")).isFalse();
        assertThat(in(any, "01")).isFalse();
    }
}
