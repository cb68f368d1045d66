package dev.gantry.constraints.support;

import dev.gantry.constraints.CompiledConstraint;
import dev.gantry.constraints.Matcher;
import dev.gantry.constraints.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Generates outputs the way a model under constraint would, with random choices: each step takes a
 * random token among those the mask allows, checks that {@link Matcher#accept} agrees, and stops at
 * end-of-sequence. Past half the step budget it mostly steers towards the shortest completion (found
 * by {@link Matcher#shortestCompletion}), so that most samples finish.
 */
public final class RandomSampler {
    private final Vocabulary vocab;
    private final Random random;
    private final boolean[] eos;
    private final int[] allowed;
    private int[] mask = new int[0];
    /** Time spent in {@link Matcher#accept}, for the benchmark. */
    private long acceptNanos;

    private long accepts;

    public RandomSampler(Vocabulary vocab, long seed) {
        this.vocab = vocab;
        this.random = new Random(seed);
        this.eos = new boolean[vocab.size()];
        for (int e : vocab.eosTokenIds()) {
            eos[e] = true;
        }
        this.allowed = new int[vocab.size()];
    }

    /** One sampled output. {@code complete}: it ended with end-of-sequence. */
    public record Sample(byte[] bytes, boolean complete, int steps) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public Sample sample(CompiledConstraint constraint, int maxSteps) {
        Matcher m = constraint.newMatcher();
        if (mask.length != m.maskWords()) {
            mask = new int[m.maskWords()];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int step = 0; step < maxSteps; step++) {
            m.fillMask(mask);
            int n = 0;
            int eos = -1;
            for (int w = 0; w < mask.length; w++) {
                int bits = mask[w];
                while (bits != 0) {
                    int t = (w << 5) + Integer.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    allowed[n++] = t;
                    if (this.eos[t]) {
                        eos = t;
                    }
                }
            }
            if (n == 0) {
                throw new AssertionError("dead end: no token allowed after " + out.toString(StandardCharsets.UTF_8));
            }
            int token = choose(m, allowed, n, eos, step >= maxSteps / 2);
            long start = System.nanoTime();
            boolean ok = m.accept(token);
            acceptNanos += System.nanoTime() - start;
            accepts++;
            if (!ok) {
                throw new AssertionError("mask allowed token " + token + " that accept() refused after " + out);
            }
            if (vocab.isEos(token)) {
                return new Sample(out.toByteArray(), true, step + 1);
            }
            out.writeBytes(vocab.tokenBytesUnsafe(token));
        }
        return new Sample(out.toByteArray(), false, maxSteps);
    }

    /** Mean nanoseconds per accepted token so far. */
    public double meanAcceptNanos() {
        return accepts == 0 ? 0 : (double) acceptNanos / accepts;
    }

    private int choose(Matcher m, int[] allowed, int n, int eos, boolean finishing) {
        if (finishing && eos >= 0) {
            return eos;
        }
        if (finishing && random.nextInt(10) != 0) {
            return towardsCompletion(m, allowed, n);
        }
        if (eos >= 0 && random.nextInt(3) == 0) {
            return eos;
        }
        return allowed[random.nextInt(n)];
    }

    /** The allowed token that covers the longest start of the shortest completion. */
    private int towardsCompletion(Matcher m, int[] allowed, int n) {
        int best = allowed[random.nextInt(n)];
        byte[] completion = m.shortestCompletion(400);
        if (completion == null) {
            return best;
        }
        int bestLength = 0;
        for (int i = 0; i < n; i++) {
            byte[] t = vocab.tokenBytesUnsafe(allowed[i]);
            if (t.length > bestLength
                    && t.length <= completion.length
                    && Arrays.equals(t, 0, t.length, completion, 0, t.length)) {
                best = allowed[i];
                bestLength = t.length;
            }
        }
        return best;
    }
}
