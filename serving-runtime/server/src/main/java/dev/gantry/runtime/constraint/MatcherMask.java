package dev.gantry.runtime.constraint;

import dev.gantry.constraints.Matcher;
import dev.gantry.constraints.Vocabulary;
import java.util.Arrays;

/**
 * The engine's per-sequence {@link dev.gantry.engine.sampling.TokenMask} over the constraint library's
 * {@link Matcher}. With close-at-limit it narrows the mask, once the shortest way to finish the output
 * nearly fills the tokens left, to the tokens that spell that completion (and end-of-sequence as soon
 * as the output may end), so that the output closes before {@code max_tokens} cuts it.
 */
final class MatcherMask implements ConstraintMask {
    /** Tokens of slack kept before closing starts: the model may lengthen the completion meanwhile. */
    static final int CLOSING_MARGIN = 4;
    /** Longest completion worth steering towards. */
    private static final int MAX_COMPLETION_BYTES = 1 << 16;

    private final Matcher matcher;
    private final Vocabulary vocabulary;
    private final int budget;
    private final boolean closeAtLimit;
    private int accepted;
    private boolean failed;

    MatcherMask(Matcher matcher, Vocabulary vocabulary, int tokenBudget, boolean closeAtLimit) {
        this.matcher = matcher;
        this.vocabulary = vocabulary;
        this.budget = tokenBudget;
        this.closeAtLimit = closeAtLimit;
    }

    @Override
    public void fillAllowed(int[] words) {
        matcher.fillMask(words);
        if (closeAtLimit) {
            closeIfNearTheLimit(words);
        }
        if (isEmpty(words)) {
            failed = true;
        }
    }

    @Override
    public void accept(int tokenId) {
        accepted++;
        if (!matcher.accept(tokenId)) {
            failed = true;
        }
    }

    @Override
    public boolean isComplete() {
        return matcher.isComplete();
    }

    @Override
    public boolean failed() {
        return failed;
    }

    private void closeIfNearTheLimit(int[] words) {
        int remaining = budget - accepted; // tokens that may still be sampled, this one included
        byte[] completion = matcher.shortestCompletion(MAX_COMPLETION_BYTES);
        if (completion == null || completion.length + 1 + CLOSING_MARGIN < remaining) {
            return;
        }
        if (matcher.canEnd()) {
            keepOnlyEndOfSequence(words);
        } else {
            keepOnlyPrefixesOf(completion, words);
        }
    }

    private void keepOnlyEndOfSequence(int[] words) {
        int[] allowed = words.clone();
        Arrays.fill(words, 0);
        for (int eos : vocabulary.eosTokenIds()) {
            words[eos >>> 5] |= allowed[eos >>> 5] & (1 << (eos & 31));
        }
    }

    /** Keeps the allowed tokens that start the completion; leaves the mask alone if none does. */
    private void keepOnlyPrefixesOf(byte[] completion, int[] words) {
        int[] kept = new int[words.length];
        boolean any = false;
        for (int w = 0; w < words.length; w++) {
            int bits = words[w];
            while (bits != 0) {
                int token = (w << 5) + Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                byte[] text = vocabulary.tokenBytesUnsafe(token);
                if (text.length > 0
                        && text.length <= completion.length
                        && Arrays.equals(text, 0, text.length, completion, 0, text.length)) {
                    kept[w] |= 1 << (token & 31);
                    any = true;
                }
            }
        }
        if (any) {
            System.arraycopy(kept, 0, words, 0, words.length);
        }
    }

    private static boolean isEmpty(int[] words) {
        for (int word : words) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }
}
