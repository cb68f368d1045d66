package dev.gantry.engine.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.TestModels;
import dev.gantry.engine.batch.StepBatch;
import dev.gantry.engine.llama.LlamaModel;
import dev.gantry.engine.sampling.BatchSampler;
import dev.gantry.engine.sampling.MaskObserver;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.sampling.SamplingState;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost of one decode step (forward pass, then sampling) at several batch sizes, without the
 * scheduler: where the time of the token loop goes.
 *
 * <pre>
 * ./mvnw -B -q -pl serving-runtime/engine test-compile exec:java \
 *     -Dexec.mainClass=dev.gantry.engine.bench.StepProfile -Dexec.classpathScope=test
 * </pre>
 */
public final class StepProfile {
    private StepProfile() {}

    public static void main(String[] args) {
        try (InferenceEngine engine = InferenceEngine.load(TestModels.cpuOptions(TestModels.stories260K(), 64, 64))) {
            JniUtils.setGradMode(false);
            LlamaModel model = engine.model();
            NDManager base = NDManager.newBaseManager(ai.djl.Device.cpu());
            BatchSampler sampler = new BatchSampler(base, 512, new int[] {2}, MaskObserver.NONE);
            for (int batch : new int[] {1, 8, 64}) {
                List<StepBatch.Row> rows = new ArrayList<>();
                List<SamplingState> states = new ArrayList<>();
                for (int b = 0; b < batch; b++) {
                    rows.add(new StepBatch.Row(b, 20, new int[] {300}));
                    states.add(new SamplingState(SamplingParams.GREEDY, null, new int[] {1}));
                }
                StepBatch step = StepBatch.of(rows);
                long forward = 0;
                long sample = 0;
                int n = 300;
                for (int i = 0; i < n + 50; i++) {
                    try (NDScope scope = new NDScope();
                            NDManager m = base.newSubManager()) {
                        long t0 = System.nanoTime();
                        NDArray logits = model.forward(step, m);
                        logits.toType(logits.getDataType(), false);
                        long t1 = System.nanoTime();
                        sampler.sample(logits, states, m);
                        long t2 = System.nanoTime();
                        if (i >= 50) {
                            forward += t1 - t0;
                            sample += t2 - t1;
                        }
                    }
                }
                System.out.printf(
                        "batch %2d: forward %.3f ms, sample %.3f ms%n", batch, forward / 1e6 / n, sample / 1e6 / n);
            }
        }
    }
}
