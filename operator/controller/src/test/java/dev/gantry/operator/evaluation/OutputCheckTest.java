package dev.gantry.operator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.v1alpha1.rollout.PromptConstraint;
import dev.gantry.api.v1alpha1.rollout.PromptExpectation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outputs are checked by independent validators: networknt for JSON Schema, java.util.regex, exact choices. */
class OutputCheckTest {

    private static PromptConstraint schema(String json) throws Exception {
        var constraint = new PromptConstraint();
        constraint.setJsonSchema(new ObjectMapper().readTree(json));
        return constraint;
    }

    @Test
    void checksAJsonOutputAgainstItsSchema() throws Exception {
        var constraint = schema("""
                {"type": "object", "properties": {"customer": {"type": "string"},
                 "items": {"type": "array", "minItems": 1, "items": {"type": "object",
                   "properties": {"quantity": {"type": "integer", "minimum": 1}}, "required": ["quantity"]}}},
                 "required": ["customer", "items"]}
                """);

        assertThat(OutputCheck.problem(constraint, null, "{\"customer\":\"Ana\",\"items\":[{\"quantity\":2}]}"))
                .isEmpty();
        assertThat(OutputCheck.problem(constraint, null, "{\"customer\":\"Ana\",\"items\":[{\"quantity\":0}]}"))
                .get()
                .asString()
                .contains("does not match the JSON Schema")
                .contains("minimum");
        assertThat(OutputCheck.problem(constraint, null, "{\"customer\":\"Ana\""))
                .get()
                .asString()
                .contains("is not JSON");
    }

    @Test
    void aRegexMustMatchTheWholeOutputAndAChoiceExactly() {
        var regex = new PromptConstraint();
        regex.setRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        var choice = new PromptConstraint();
        choice.setChoice(List.of("positive", "negative"));

        assertThat(OutputCheck.problem(regex, null, "2025-06-01")).isEmpty();
        assertThat(OutputCheck.problem(regex, null, "on 2025-06-01")).isPresent();
        assertThat(OutputCheck.problem(choice, null, "positive")).isEmpty();
        assertThat(OutputCheck.problem(choice, null, " positive")).isPresent();
    }

    @Test
    void checksEveryExpectationThatIsSet() {
        var expect = new PromptExpectation();
        expect.setContains("Paris");
        expect.setMatches("(?s).*\\.$");

        assertThat(OutputCheck.problem(null, expect, " Paris.")).isEmpty();
        assertThat(OutputCheck.problem(null, expect, " Paris")).get().asString().contains("does not match");
        assertThat(OutputCheck.problem(null, expect, " Lyon.")).get().asString().contains("does not contain \"Paris\"");
        var exact = new PromptExpectation();
        exact.setEquals("positive");
        assertThat(OutputCheck.problem(null, exact, "Positive")).isPresent();
    }

    @Test
    void askingSendsConstrainedPromptsToGenerateGreedilyWithTheirConstraint() {
        var prompt = new dev.gantry.api.v1alpha1.rollout.EvaluationPrompt();
        prompt.setName("date");
        prompt.setPrompt("Today:");
        prompt.setMaxTokens(12);
        var regex = new PromptConstraint();
        regex.setRegex("[0-9]+");
        prompt.setConstraint(regex);

        var body = EvaluationRunner.body(prompt, "assistant");

        assertThat(body.toString())
                .isEqualTo("{\"prompt\":\"Today:\",\"constraint\":{\"type\":\"regex\",\"pattern\":\"[0-9]+\"},"
                        + "\"parameters\":{\"max_tokens\":12,\"temperature\":0}}");
        prompt.setConstraint(null);
        assertThat(EvaluationRunner.body(prompt, "assistant").toString())
                .isEqualTo("{\"model\":\"assistant\",\"prompt\":\"Today:\",\"max_tokens\":12,\"temperature\":0}");
    }

    @Test
    void anErrorAnswerFailsThePromptWithTheServersMessage() {
        var prompt = new dev.gantry.api.v1alpha1.rollout.EvaluationPrompt();
        prompt.setName("json");

        var outcome = EvaluationRunner.judge(
                prompt, true, 501, "{\"error\":{\"message\":\"no constraint engine\",\"code\":\"x\"}}");

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.unreachable()).isFalse();
        assertThat(outcome.detail()).isEqualTo("HTTP 501: no constraint engine");
    }
}
