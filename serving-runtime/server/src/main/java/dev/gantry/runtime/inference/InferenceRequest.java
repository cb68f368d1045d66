package dev.gantry.runtime.inference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.runtime.constraint.CompiledConstraint;
import dev.gantry.runtime.constraint.ConstraintSpec;
import dev.gantry.runtime.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A validated inference request, whatever endpoint it came from: tokenized prompts (several for a
 * batched completion), {@code n} choices per prompt, effective sampling parameters and limits, the
 * constraint if any (with {@code closeAtLimit}: close it before the token limit), and how to answer.
 */
public record InferenceRequest(
        String endpoint,
        List<int[]> prompts,
        int n,
        SamplingParams sampling,
        int maxTokens,
        List<String> stop,
        boolean ignoreEos,
        ConstraintSpec constraint,
        CompiledConstraint compiled,
        boolean closeAtLimit,
        boolean stream,
        boolean includeUsage) {

    /** Greedy or seeded: the same request gives the same answer, so it may be cached. */
    public boolean deterministic() {
        return sampling.greedy() || sampling.seed() != null;
    }

    public int choiceCount() {
        return prompts.size() * n;
    }

    /** Response-cache key: revision, model and every parameter that shapes the output, hashed. */
    public String cacheKey(String revision, String model) {
        ObjectNode key = Json.object();
        key.put("endpoint", endpoint).put("model", model).put("n", n).put("max_tokens", maxTokens);
        ArrayNode prompts = key.putArray("prompts");
        for (int[] prompt : this.prompts) {
            ArrayNode ids = prompts.addArray();
            for (int id : prompt) {
                ids.add(id);
            }
        }
        key.put("temperature", sampling.greedy() ? 0 : sampling.temperature());
        if (!sampling.greedy()) {
            key.put("top_k", sampling.topK()).put("top_p", sampling.topP()).put("seed", sampling.seed());
        }
        key.put("repetition_penalty", sampling.repetitionPenalty())
                .put("frequency_penalty", sampling.frequencyPenalty())
                .put("presence_penalty", sampling.presencePenalty())
                .put("ignore_eos", ignoreEos);
        stop.forEach(key.putArray("stop")::add);
        if (constraint != null) {
            key.set("constraint", constraint.canonical());
            key.put("close_at_limit", closeAtLimit);
        }
        return "gantry:response:" + revision + ":" + sha256(Json.write(key));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
