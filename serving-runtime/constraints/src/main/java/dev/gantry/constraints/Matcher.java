package dev.gantry.constraints;

import dev.gantry.constraints.engine.TokenMatcher;

/**
 * The constraint's state for one generated sequence. Each decoding step the runtime calls
 * {@link #fillMask(int[])}, applies the mask to the logits, samples, then {@link #accept(int)}s the
 * token. Not thread-safe: one matcher per sequence (create them with
 * {@link CompiledConstraint#newMatcher()}).
 */
public final class Matcher {
    private final TokenMatcher delegate;
    private final ConstraintKind kind;
    private final ConstraintMetrics metrics;
    private boolean finished;

    Matcher(TokenMatcher delegate, ConstraintKind kind, ConstraintMetrics metrics) {
        this.delegate = delegate;
        this.kind = kind;
        this.metrics = metrics;
    }

    /** Length of the mask array: {@code ceil(vocabSize / 32)}. */
    public int maskWords() {
        return (delegate.vocabSize() + 31) >>> 5;
    }

    /**
     * Sets bit {@code t & 31} of {@code words[t >>> 5]} for every token {@code t} that may come next,
     * and clears all other bits. End-of-sequence tokens are allowed exactly when {@link #canEnd()}
     * (and are the only ones allowed when {@link #isComplete()}); special tokens never are.
     */
    public void fillMask(int[] words) {
        fillMask(words, 0);
    }

    /** As {@link #fillMask(int[])}, into {@code words[offset ...]} (one row of a batch mask). */
    public void fillMask(int[] words, int offset) {
        if (words.length - offset < maskWords()) {
            throw new IllegalArgumentException("mask needs " + maskWords() + " words from offset " + offset);
        }
        long start = System.nanoTime();
        delegate.fillMask(words, offset);
        metrics.maskComputed(System.nanoTime() - start);
    }

    /**
     * Advances by one token. Returns false, and changes nothing, when the token is not allowed here.
     * Accepting an end-of-sequence token (allowed only when complete) stops the matcher.
     */
    public boolean accept(int tokenId) {
        return delegate.accept(tokenId);
    }

    /** Advances by raw UTF-8 text forced into the output; false and no change if it does not fit. */
    public boolean acceptText(String text) {
        return delegate.acceptBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Advances by raw bytes forced into the output; false and no change if they do not fit. */
    public boolean acceptBytes(byte[] bytes) {
        return delegate.acceptBytes(bytes);
    }

    /**
     * The shortest text (UTF-8 bytes) that would complete the output from here, or null when none fits
     * in {@code maxBytes}: lets a runtime close an output gracefully near its token limit.
     */
    public byte[] shortestCompletion(int maxBytes) {
        return delegate.shortestCompletion(maxBytes);
    }

    /**
     * The output is complete and nothing but end-of-sequence can follow: the runtime may end the
     * sequence without sampling. (An output that may end here but could also go on is not complete;
     * see {@link #canEnd()}: end-of-sequence is then in the mask alongside the continuations.)
     */
    public boolean isComplete() {
        return delegate.isTerminated();
    }

    /** The output so far is a valid output: end-of-sequence is allowed now. */
    public boolean canEnd() {
        return delegate.isComplete();
    }

    /** Number of accepted steps (end-of-sequence included), the limit for {@link #rollback(int)}. */
    public int acceptedCount() {
        return delegate.acceptedCount();
    }

    /** Undoes the last {@code n} accepted steps, e.g. tokens a speculative draft got wrong. */
    public void rollback(int n) {
        delegate.rollback(n);
    }

    /**
     * Reports how the output ended to {@link ConstraintMetrics#outputFinished} (once): {@code VALID}
     * when it is a valid output ({@link #canEnd()}), else {@code TRUNCATED}. Call when the sequence stops.
     */
    public ConstraintMetrics.Outcome finish() {
        ConstraintMetrics.Outcome outcome =
                delegate.isComplete() ? ConstraintMetrics.Outcome.VALID : ConstraintMetrics.Outcome.TRUNCATED;
        if (!finished) {
            finished = true;
            metrics.outputFinished(kind, outcome);
        }
        return outcome;
    }
}
