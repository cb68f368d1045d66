package dev.gantry.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.TestModels;
import dev.gantry.engine.scheduler.CollectingListener;
import dev.gantry.engine.scheduler.FinishReason;
import dev.gantry.engine.scheduler.GenerationRequest;
import dev.gantry.engine.scheduler.GenerationResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Constraint masks on the real model: masked rows obey, unmasked rows in the same batch do not notice. */
class TokenMaskOnModelTest {
    // Tokens on both sides of word boundaries (31/32 and 63/64 straddle int32 words) and the last word.
    private static final Set<Integer> ALLOWED = Set.of(31, 32, 63, 64, 300, 347, 410, 469, 511);
    private static final AtomicLong MASK_NANOS = new AtomicLong();
    private static InferenceEngine engine;

    @BeforeAll
    static void load() {
        engine = InferenceEngine.load(
                TestModels.cpuOptions(TestModels.stories260K(), 8, 8).withMaskObserver(MASK_NANOS::addAndGet));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void everySampledTokenOfAMaskedSequenceIsAllowed() {
        AllowedSetMask greedyMask = new AllowedSetMask(ALLOWED, 1000);
        AllowedSetMask sampledMask = new AllowedSetMask(ALLOWED, 1000);
        int[] prompt = engine.tokenizer().encode("Once upon a time", true);

        GenerationResult greedy = engine.generate(request(prompt, SamplingParams.GREEDY, 30, greedyMask));
        GenerationResult sampled =
                engine.generate(request(prompt, new SamplingParams(1.5, 0, 1, 1, 0, 0, 7L), 30, sampledMask));

        assertThat(greedy.tokens()).hasSize(30).allMatch(ALLOWED::contains);
        assertThat(sampled.tokens()).hasSize(30).allMatch(ALLOWED::contains);
        assertThat(greedyMask.accepted()).isEqualTo(greedy.tokens());
        assertThat(MASK_NANOS.get()).isPositive();
    }

    @Test
    void maskedAndUnmaskedSequencesBatchedTogetherBehaveAsEachWouldAlone() throws Exception {
        int[] maskedPrompt = engine.tokenizer().encode("The little dog", true);
        int[] plainPrompt = engine.tokenizer().encode("Zoo", true);
        GenerationResult maskedAlone =
                engine.generate(request(maskedPrompt, SamplingParams.GREEDY, 25, new AllowedSetMask(ALLOWED, 1000)));
        GenerationResult plainAlone = engine.generate(request(plainPrompt, SamplingParams.GREEDY, 25, null));

        CollectingListener masked = new CollectingListener();
        CollectingListener plain = new CollectingListener();
        CollectingListener plain2 = new CollectingListener();
        engine.submit(request(maskedPrompt, SamplingParams.GREEDY, 25, new AllowedSetMask(ALLOWED, 1000)), masked);
        engine.submit(request(plainPrompt, SamplingParams.GREEDY, 25, null), plain);
        engine.submit(request(plainPrompt, SamplingParams.GREEDY, 25, null), plain2);

        assertThat(masked.result().get().tokens()).isEqualTo(maskedAlone.tokens());
        assertThat(plain.result().get().tokens()).isEqualTo(plainAlone.tokens());
        assertThat(plain2.result().get().tokens()).isEqualTo(plainAlone.tokens());
        assertThat(plainAlone.tokens()).isNotEqualTo(maskedAlone.tokens());
        assertThat(plainAlone.tokens()).anyMatch(t -> !ALLOWED.contains(t));
    }

    @Test
    void aMaskThatBecomesCompleteEndsTheSequenceWithoutAnotherStep() {
        AllowedSetMask mask = new AllowedSetMask(ALLOWED, 5);
        int[] prompt = engine.tokenizer().encode("Zoo", true);

        GenerationResult result = engine.generate(request(prompt, SamplingParams.GREEDY, 50, mask));

        assertThat(result.tokens()).hasSize(5).allMatch(ALLOWED::contains);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.stats().generatedTokens()).isEqualTo(5); // no end-of-sequence step after completion
        assertThat(mask.fills()).isEqualTo(5);
        assertThat(result.stats().constraintSatisfied()).isTrue();
    }

    @Test
    void aMaskThatIsCompleteOnTheLastAllowedTokenStopsRatherThanHittingTheLength() {
        AllowedSetMask mask = new AllowedSetMask(ALLOWED, 5);
        int[] prompt = engine.tokenizer().encode("Zoo", true);

        GenerationResult result = engine.generate(request(prompt, SamplingParams.GREEDY, 5, mask));

        assertThat(result.tokens()).hasSize(5);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void aMaskCompleteBeforeAnyTokenForcesEndOfSequence() {
        AllowedSetMask mask = new AllowedSetMask(ALLOWED, 0);

        GenerationResult result =
                engine.generate(request(engine.tokenizer().encode("Zoo", true), SamplingParams.GREEDY, 50, mask));

        assertThat(result.tokens()).isEmpty();
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.stats().generatedTokens()).isEqualTo(1); // the forced end-of-sequence
        assertThat(result.stats().constraintSatisfied()).isTrue();
        assertThat(mask.fills()).isZero();
    }

    @Test
    void anEndOfSequenceTheMaskAllowsEndsASatisfiedOutput() {
        // The mask allows only end-of-sequence (id 2): unlike a mask that allows nothing, this output is valid.
        AllowedSetMask onlyEos = new AllowedSetMask(Set.of(2), 1000);

        GenerationResult result =
                engine.generate(request(engine.tokenizer().encode("Zoo", true), SamplingParams.GREEDY, 10, onlyEos));

        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.tokens()).isEmpty();
        assertThat(result.stats().constraintSatisfied()).isTrue();
        assertThat(onlyEos.fills()).isEqualTo(1);
    }

    @Test
    void aMaskThatAllowsNothingEndsTheSequence() {
        AllowedSetMask nothing = new AllowedSetMask(Set.of(), 1000);

        GenerationResult result =
                engine.generate(request(engine.tokenizer().encode("Zoo", true), SamplingParams.GREEDY, 10, nothing));

        assertThat(result.tokens()).isEmpty();
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.stats().constraintSatisfied()).isFalse();
    }

    private static GenerationRequest request(int[] prompt, SamplingParams params, int maxTokens, TokenMask mask) {
        return new GenerationRequest(prompt, params, maxTokens, List.of(), Set.of(), false, mask);
    }
}
