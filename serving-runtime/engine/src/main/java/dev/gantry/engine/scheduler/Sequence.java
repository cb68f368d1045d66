package dev.gantry.engine.scheduler;

import dev.gantry.engine.sampling.SamplingState;
import dev.gantry.engine.text.OutputText;
import dev.gantry.engine.tokenizer.TextTokenizer;
import java.util.Arrays;

/** One request as the scheduler tracks it: where its prompt is, its cache slot, its last token. */
final class Sequence implements GenerationHandle {
    final GenerationRequest request;
    final GenerationListener listener;
    final SamplingState sampling;
    final OutputText output;
    final long deadlineNanos;
    private final Runnable wakeUp;

    volatile boolean cancelled;
    int slot = -1;
    /** Prompt tokens already in the cache. */
    int prefilled;
    /** Tokens of this sequence in the cache. */
    int cached;
    /** The last sampled token, not yet in the cache. */
    int pending = -1;

    int generated;
    /** The sequence ended with an end-of-sequence token its mask allowed (not forced by a dead end). */
    boolean endedByAllowedEos;
    /** Set by the scheduler thread; read by submitters counting free capacity. */
    volatile boolean finished;

    Sequence(
            GenerationRequest request,
            GenerationListener listener,
            TextTokenizer tokenizer,
            long deadlineNanos,
            Runnable wakeUp) {
        this.request = request;
        this.listener = listener;
        this.sampling = new SamplingState(request.sampling(), request.mask(), request.promptTokens());
        this.output = new OutputText(tokenizer, request.promptTokens(), request.stopStrings());
        this.deadlineNanos = deadlineNanos;
        this.wakeUp = wakeUp;
    }

    @Override
    public void cancel() {
        cancelled = true;
        wakeUp.run();
    }

    boolean prefillDone() {
        return prefilled == request.promptTokens().length;
    }

    int[] nextPrefillChunk(int maxTokens) {
        int end = Math.min(request.promptTokens().length, prefilled + maxTokens);
        return Arrays.copyOfRange(request.promptTokens(), prefilled, end);
    }

    GenerationStats stats() {
        Boolean satisfied = request.mask() == null
                ? null
                : endedByAllowedEos || request.mask().isComplete();
        return new GenerationStats(request.promptTokens().length, generated, satisfied);
    }
}
