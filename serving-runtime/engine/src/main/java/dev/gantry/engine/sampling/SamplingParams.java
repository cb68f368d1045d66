package dev.gantry.engine.sampling;

/**
 * How one sequence chooses its next token. A temperature of 0 is greedy decoding; {@code topK} 0 and
 * {@code topP} 1 switch those filters off; penalties of 1 (repetition) and 0 (frequency, presence) are
 * off. Repetition penalty follows Hugging Face (divides positive logits of tokens seen in the prompt or
 * output, multiplies negative ones); frequency and presence penalties follow OpenAI (subtract per count
 * and once per token seen in the output). A seed makes sampling reproducible.
 */
public record SamplingParams(
        double temperature,
        int topK,
        double topP,
        double repetitionPenalty,
        double frequencyPenalty,
        double presencePenalty,
        Long seed) {

    public static final SamplingParams GREEDY = new SamplingParams(0, 0, 1, 1, 0, 0, null);

    public SamplingParams {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top_k must be >= 0");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be in (0, 1]");
        }
        if (!(repetitionPenalty > 0) || Double.isInfinite(repetitionPenalty)) {
            throw new IllegalArgumentException("repetition_penalty must be a finite number > 0");
        }
        if (!Double.isFinite(frequencyPenalty) || !Double.isFinite(presencePenalty)) {
            throw new IllegalArgumentException("frequency_penalty and presence_penalty must be finite");
        }
    }

    public boolean greedy() {
        return temperature == 0;
    }

    public boolean penalised() {
        return repetitionPenalty != 1 || frequencyPenalty != 0 || presencePenalty != 0;
    }
}
