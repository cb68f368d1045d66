package dev.gantry.runtime.inference;

import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.runtime.config.RuntimeConfig;
import dev.gantry.runtime.http.ApiException;
import java.util.List;

/**
 * The generation parameters shared by every endpoint, with the server's defaults and limits applied:
 * {@code max_tokens}, {@code temperature}, {@code top_p}, {@code top_k}, {@code seed}, {@code stop},
 * {@code n}, the penalties, {@code ignore_eos} and {@code close_at_limit} (close a constrained output before
 * the token limit).
 */
public record SamplingFields(
        SamplingParams sampling, Integer maxTokens, List<String> stop, int n, boolean ignoreEos, boolean closeAtLimit) {
    public static final int MAX_N = 16;
    public static final int MAX_STOP = 4;

    public static SamplingFields parse(Fields f, RuntimeConfig config, String maxTokensField) {
        Integer maxTokens = f.integer(maxTokensField, 1, Integer.MAX_VALUE);
        if (maxTokens != null && maxTokens > config.limitMaxTokens()) {
            throw ApiException.invalid(
                    maxTokensField,
                    maxTokensField + " is " + maxTokens + " but this server allows at most " + config.limitMaxTokens());
        }
        Double temperature = f.number("temperature", 0, Double.MAX_VALUE);
        if (temperature != null && temperature > config.limitMaxTemperature()) {
            throw ApiException.invalid(
                    "temperature",
                    "temperature is " + temperature + " but this server allows at most "
                            + config.limitMaxTemperature());
        }
        Double topP = f.number("top_p", 0, 1);
        if (topP != null && (topP <= 0 || topP < config.limitMinTopP())) {
            throw ApiException.invalid(
                    "top_p", "top_p must be greater than 0 and at least " + config.limitMinTopP() + ", got " + topP);
        }
        Integer topK = f.integer("top_k", -1, Integer.MAX_VALUE);
        Double repetition = f.number("repetition_penalty", 0, 10);
        if (repetition != null && repetition <= 0) {
            throw ApiException.invalid("repetition_penalty", "repetition_penalty must be greater than 0");
        }
        Double frequency = f.number("frequency_penalty", -2, 2);
        Double presence = f.number("presence_penalty", -2, 2);
        Integer n = f.integer("n", 1, MAX_N);
        SamplingParams params = new SamplingParams(
                temperature != null ? temperature : config.defaultTemperature(),
                topK == null || topK < 0 ? 0 : topK,
                topP != null ? topP : config.defaultTopP(),
                repetition != null ? repetition : 1.0,
                frequency != null ? frequency : 0.0,
                presence != null ? presence : 0.0,
                f.longValue("seed"));
        return new SamplingFields(
                params,
                maxTokens,
                f.stringOrList("stop", MAX_STOP),
                n == null ? 1 : n,
                f.bool("ignore_eos", false),
                f.bool("close_at_limit", false));
    }
}
