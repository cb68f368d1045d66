package dev.gantry.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuccessConditionTest {

    @Test
    void comparesResultWithANumber() {
        var condition = SuccessCondition.parse("result < 0.05");

        assertThat(condition.test(0.049)).isTrue();
        assertThat(condition.test(0.05)).isFalse();
        assertThat(condition.test(Double.NaN)).isFalse();
    }

    @Test
    void andBindsTighterThanOr() {
        var condition = SuccessCondition.parse("result >= 0.9 && result <= 1 || result == -1");

        assertThat(condition.test(0.95)).isTrue();
        assertThat(condition.test(1.5)).isFalse();
        assertThat(condition.test(-1)).isTrue();
        assertThat(condition.test(0.5)).isFalse();
    }

    @Test
    void readsExponentsAndEveryOperator() {
        assertThat(SuccessCondition.parse("result>1e3").test(1001)).isTrue();
        assertThat(SuccessCondition.parse("result != 0").test(0)).isFalse();
        assertThat(SuccessCondition.parse(" result == 2.5 ").test(2.5)).isTrue();
    }

    @Test
    void refusesWhatItCannotReadAndSaysWhere() {
        assertThatThrownBy(() -> SuccessCondition.parse("result < ")).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> SuccessCondition.parse("result < 1 &&")).hasMessageContaining("must end with");
        assertThatThrownBy(() -> SuccessCondition.parse("value < 1")).hasMessageContaining("`value < 1`");
        assertThatThrownBy(() -> SuccessCondition.parse("result < 1 result > 0"))
                .hasMessageContaining("missing && or ||");
        assertThatThrownBy(() -> SuccessCondition.parse(null)).hasMessageContaining("required");
    }
}
