package dev.gantry.engine.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repetition, frequency and presence penalties on the device. Only the logits of tokens a sequence has
 * seen change, so the host sends their flat indices and counts, and the device gathers, adjusts and
 * scatters those entries back.
 */
final class DevicePenalties {
    private DevicePenalties() {}

    static NDArray apply(NDArray logits, List<SamplingState> rows, int vocabSize, NDManager step) {
        int entries = 0;
        for (SamplingState row : rows) {
            if (row.params().penalised()) {
                entries += seenTokens(row).size();
            }
        }
        if (entries == 0) {
            return logits;
        }
        long[] index = new long[entries];
        float[] repetition = new float[entries];
        float[] subtract = new float[entries];
        int e = 0;
        for (int b = 0; b < rows.size(); b++) {
            SamplingState row = rows.get(b);
            if (!row.params().penalised()) {
                continue;
            }
            Map<Integer, Integer> counts = row.generatedCounts();
            for (int token : seenTokens(row)) {
                int count = counts.getOrDefault(token, 0);
                index[e] = (long) b * vocabSize + token;
                repetition[e] = (float) row.params().repetitionPenalty();
                subtract[e] = (float) (count * row.params().frequencyPenalty()
                        + (count > 0 ? row.params().presencePenalty() : 0));
                e++;
            }
        }
        NDArray flat = logits.reshape(-1);
        NDIndex at = new NDIndex("{}", step.create(index));
        NDArray values = flat.get(at);
        NDArray penalty = step.create(repetition);
        NDArray adjusted = NDArrays.where(values.gt(0), values.div(penalty), values.mul(penalty))
                .sub(step.create(subtract));
        flat.set(at, adjusted);
        return flat.reshape(new Shape(rows.size(), vocabSize));
    }

    private static Set<Integer> seenTokens(SamplingState row) {
        Set<Integer> seen = new HashSet<>(row.generatedCounts().keySet());
        seen.addAll(row.promptTokens());
        return seen;
    }
}
