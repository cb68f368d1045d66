package dev.gantry.runtime.lifecycle;

import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.CollectingListener;
import dev.gantry.engine.scheduler.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a few generations before the server reports ready, so that the first user request does not pay
 * for JIT compilation, native library start-up and first allocations: a greedy and a sampled sequence,
 * then both in one batch when the concurrency limit allows two sequences.
 */
public final class WarmUp {
    private WarmUp() {}

    public static void run(InferenceEngine engine) {
        int[] prompt = engine.tokenizer().encode("Hello", true);
        List<GenerationRequest> requests = List.of(
                GenerationRequest.of(prompt, SamplingParams.GREEDY, 8),
                GenerationRequest.of(prompt, new SamplingParams(0.8, 40, 0.95, 1.1, 0.1, 0.1, 1L), 8));
        for (GenerationRequest request : requests) {
            engine.generate(request);
        }
        if (engine.scheduler().config().maxConcurrentSequences() >= requests.size()) {
            List<CompletableFuture<?>> done = new ArrayList<>();
            for (GenerationRequest request : requests) {
                CollectingListener listener = new CollectingListener();
                engine.submit(request, listener);
                done.add(listener.result());
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        }
    }
}
