package dev.gantry.runtime.lifecycle;

import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.CollectingListener;
import dev.gantry.engine.scheduler.GenerationRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a few generations before the server reports ready, so that the first user request does not pay
 * for JIT compilation, native library start-up and first allocations: a greedy and a sampled sequence
 * in one batch.
 */
public final class WarmUp {
    private WarmUp() {}

    public static void run(InferenceEngine engine) {
        int[] prompt = engine.tokenizer().encode("Hello", true);
        List<GenerationRequest> requests = List.of(
                GenerationRequest.of(prompt, SamplingParams.GREEDY, 8),
                GenerationRequest.of(prompt, new SamplingParams(0.8, 40, 0.95, 1.1, 0.1, 0.1, 1L), 8));
        CompletableFuture<?>[] done = new CompletableFuture<?>[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            CollectingListener listener = new CollectingListener();
            engine.submit(requests.get(i), listener);
            done[i] = listener.result();
        }
        CompletableFuture.allOf(done).join();
    }
}
