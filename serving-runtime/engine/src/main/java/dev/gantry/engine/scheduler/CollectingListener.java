package dev.gantry.engine.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Collects a whole sequence into a {@link GenerationResult} future (for warm-up, tests and tools). */
public final class CollectingListener implements GenerationListener {
    private final List<Integer> tokens = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();

    @Override
    public void onToken(int tokenId, String piece) {
        tokens.add(tokenId);
        text.append(piece);
    }

    @Override
    public void onFinish(FinishReason reason, String trailingText, GenerationStats stats) {
        text.append(trailingText);
        result.complete(new GenerationResult(List.copyOf(tokens), text.toString(), reason, stats));
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    public CompletableFuture<GenerationResult> result() {
        return result;
    }
}
