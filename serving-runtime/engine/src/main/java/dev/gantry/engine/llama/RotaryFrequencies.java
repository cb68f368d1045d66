package dev.gantry.engine.llama;

import dev.gantry.engine.model.ModelConfig;
import dev.gantry.engine.model.RopeScaling;

/**
 * Rotary embedding tables in the Hugging Face rotate-half layout: for position {@code p} and dimension
 * {@code j}, angle {@code p * invFreq[j mod d/2]}. The scaling methods follow Hugging Face's
 * {@code modeling_rope_utils}; {@code dynamic} uses the context length the server is configured for,
 * as vLLM does, and equals plain RoPE when that length is within the trained one.
 */
public final class RotaryFrequencies {
    private RotaryFrequencies() {}

    /** The {@code headDim / 2} inverse frequencies after scaling. */
    public static double[] inverseFrequencies(ModelConfig config, int contextLength) {
        int dim = config.headDim();
        double base = config.ropeTheta();
        RopeScaling scaling = config.ropeScaling();
        if (scaling.type() == RopeScaling.Type.DYNAMIC && contextLength > config.maxPositionEmbeddings()) {
            double factor = scaling.factor();
            double ratio = factor * contextLength / config.maxPositionEmbeddings() - (factor - 1);
            base = base * Math.pow(ratio, dim / (dim - 2.0));
        }
        double[] inv = new double[dim / 2];
        for (int i = 0; i < inv.length; i++) {
            inv[i] = 1.0 / Math.pow(base, (2.0 * i) / dim);
        }
        return switch (scaling.type()) {
            case LINEAR -> divide(inv, scaling.factor());
            case LLAMA3 -> llama3(inv, scaling);
            default -> inv;
        };
    }

    private static double[] divide(double[] inv, double factor) {
        double[] out = inv.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] /= factor;
        }
        return out;
    }

    private static double[] llama3(double[] inv, RopeScaling scaling) {
        double original = scaling.originalMaxPositionEmbeddings();
        double lowFreqWavelen = original / scaling.lowFreqFactor();
        double highFreqWavelen = original / scaling.highFreqFactor();
        double[] out = new double[inv.length];
        for (int i = 0; i < inv.length; i++) {
            double wavelen = 2 * Math.PI / inv[i];
            if (wavelen < highFreqWavelen) {
                out[i] = inv[i];
            } else if (wavelen > lowFreqWavelen) {
                out[i] = inv[i] / scaling.factor();
            } else {
                double smooth = (original / wavelen - scaling.lowFreqFactor())
                        / (scaling.highFreqFactor() - scaling.lowFreqFactor());
                out[i] = (1 - smooth) * inv[i] / scaling.factor() + smooth * inv[i];
            }
        }
        return out;
    }

    /** {@code [positions * headDim]} cosines (or sines) of the rotation angles, row-major. */
    public static float[] table(double[] inverseFrequencies, int positions, boolean sine) {
        int half = inverseFrequencies.length;
        int dim = half * 2;
        float[] out = new float[positions * dim];
        for (int p = 0; p < positions; p++) {
            for (int j = 0; j < dim; j++) {
                double angle = p * inverseFrequencies[j % half];
                out[p * dim + j] = (float) (sine ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return out;
    }

    /** The matrix {@code R} with {@code x @ R == rotate_half(x) == cat(-x2, x1)}. */
    public static float[] rotateHalfMatrix(int dim) {
        int half = dim / 2;
        float[] r = new float[dim * dim];
        for (int j = 0; j < half; j++) {
            r[(j + half) * dim + j] = -1f;
            r[j * dim + j + half] = 1f;
        }
        return r;
    }
}
