package dev.gantry.engine.scheduler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.gantry.engine.batch.CausalLanguageModel;
import dev.gantry.engine.batch.StepBatch;
import dev.gantry.engine.sampling.BatchSampler;
import dev.gantry.engine.sampling.SamplingState;
import java.util.ArrayList;
import java.util.List;

/**
 * One scheduler iteration's device work: a prefill pass for sequences still reading their prompt (in
 * chunks, within a token budget), then a decode step for every sequence with a pending token, in
 * batches. After each pass it samples, applies the stop rules and tells the listeners.
 */
final class StepExecutor {
    private final CausalLanguageModel model;
    private final NDManager manager;
    private final BatchSampler sampler;
    private final TokenRules rules;
    private final SchedulerConfig config;

    StepExecutor(
            CausalLanguageModel model,
            NDManager manager,
            BatchSampler sampler,
            TokenRules rules,
            SchedulerConfig config) {
        this.model = model;
        this.manager = manager;
        this.sampler = sampler;
        this.rules = rules;
        this.config = config;
    }

    /** One prefill pass over the oldest sequences still reading their prompt, within the token budget. */
    void prefillOnce(List<Sequence> running) {
        List<Sequence> rows = new ArrayList<>();
        List<StepBatch.Row> batchRows = new ArrayList<>();
        int budget = config.maxPrefillTokens();
        for (Sequence s : running) {
            if (s.finished || s.prefillDone() || rows.size() == config.maxBatchSize() || budget == 0) {
                continue;
            }
            int[] chunk = s.nextPrefillChunk(budget);
            budget -= chunk.length;
            batchRows.add(new StepBatch.Row(s.slot, s.prefilled, chunk));
            rows.add(s);
        }
        if (!rows.isEmpty()) {
            run(rows, StepBatch.of(batchRows), true);
        }
    }

    /** One new token for every running sequence that has one pending, {@code maxBatchSize} per pass. */
    void decodeAll(List<Sequence> running) {
        List<Sequence> decoding = new ArrayList<>();
        for (Sequence s : running) {
            if (!s.finished && s.pending >= 0) {
                decoding.add(s);
            }
        }
        for (int from = 0; from < decoding.size(); from += config.maxBatchSize()) {
            List<Sequence> chunk = decoding.subList(from, Math.min(decoding.size(), from + config.maxBatchSize()));
            List<StepBatch.Row> rows = new ArrayList<>(chunk.size());
            for (Sequence s : chunk) {
                rows.add(new StepBatch.Row(s.slot, s.cached, new int[] {s.pending}));
            }
            run(chunk, StepBatch.of(rows), false);
        }
    }

    /** Runs one forward pass and samples a token for every row whose prompt is now fully cached. */
    private void run(List<Sequence> rows, StepBatch batch, boolean prefill) {
        try (NDScope scope = new NDScope();
                NDManager step = manager.newSubManager()) {
            NDArray logits = model.forward(batch, step);
            List<Sequence> sampled = new ArrayList<>();
            List<Long> sampledRows = new ArrayList<>();
            for (int b = 0; b < rows.size(); b++) {
                Sequence s = rows.get(b);
                int added = batch.rows().get(b).tokens().length;
                if (prefill) {
                    s.prefilled += added;
                }
                s.cached += added;
                if (s.prefillDone()) {
                    sampled.add(s);
                    sampledRows.add((long) b);
                }
            }
            if (sampled.isEmpty()) {
                return;
            }
            if (sampled.size() < rows.size()) {
                long[] keep = sampledRows.stream().mapToLong(Long::longValue).toArray();
                logits = logits.get(new NDIndex("{}", step.create(keep)));
            }
            List<SamplingState> states = new ArrayList<>(sampled.size());
            for (Sequence s : sampled) {
                states.add(s.sampling);
            }
            int[] tokens = sampler.sample(logits, states, step);
            for (int i = 0; i < sampled.size(); i++) {
                accept(sampled.get(i), tokens[i]);
            }
        }
    }

    /** Applies a sampled token: end of sequence, stop rules, limits, or a new pending token. */
    private void accept(Sequence s, int token) {
        s.generated++;
        s.pending = -1;
        if (s.cancelled) {
            return;
        }
        if (rules.endsSequence(s.request, token)) {
            s.endedByAllowedEos = rules.isEndOfSequence(token) && !s.sampling.maskDeadEnd();
            SequenceEvents.finish(s, FinishReason.STOP, s.output.finish());
            return;
        }
        if (s.request.mask() != null) {
            s.request.mask().accept(token);
        }
        s.sampling.recordGenerated(token);
        var delta = s.output.append(token);
        SequenceEvents.token(s, token, delta.text());
        if (delta.stopped()) {
            SequenceEvents.finish(s, FinishReason.STOP, "");
        } else if (s.request.mask() != null && s.request.mask().isComplete()) {
            // Only end-of-sequence could follow: end now instead of spending a step to sample it.
            SequenceEvents.finish(s, FinishReason.STOP, s.output.finish());
        } else if (s.generated >= s.request.maxTokens() || s.cached + 1 >= model.maxContextLength()) {
            SequenceEvents.finish(s, FinishReason.LENGTH, s.output.finish());
        } else {
            s.pending = token;
        }
    }
}
