package dev.gantry.operator.analysis;

import java.util.ArrayList;
import java.util.NavigableMap;

/** Quantiles of cumulative histograms, interpolated linearly within a bucket as Prometheus does. */
final class Histograms {

    private Histograms() {}

    /**
     * @param q the quantile, 0 to 1
     * @param cumulative count of observations at or below each upper bound, including {@code +Inf}
     * @return the estimate; the highest finite bound when the quantile falls in the {@code +Inf} bucket
     */
    static double quantile(double q, NavigableMap<Double, Double> cumulative) {
        var bounds = new ArrayList<>(cumulative.keySet());
        var counts = new ArrayList<>(cumulative.values());
        int last = bounds.size() - 1;
        double rank = q * counts.get(last);
        int b = 0;
        while (b < last && counts.get(b) < rank) {
            b++;
        }
        if (b == last) {
            return last == 0 ? Double.NaN : bounds.get(last - 1);
        }
        double upper = bounds.get(b);
        if (b == 0 && upper <= 0) {
            return upper;
        }
        double lower = b == 0 ? 0 : bounds.get(b - 1);
        double below = b == 0 ? 0 : counts.get(b - 1);
        double inBucket = counts.get(b) - below;
        return inBucket == 0 ? upper : lower + (upper - lower) * ((rank - below) / inBucket);
    }
}
