package dev.gantry.operator.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whole percentages from counts, summing to exactly 100 (largest remainder). */
final class Shares {

    private Shares() {}

    /**
     * @param counts count per key, in the order the result should keep
     * @param fallback key that gets 100 when every count is zero
     */
    static Map<String, Integer> percentages(Map<String, Integer> counts, String fallback) {
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        var result = new LinkedHashMap<String, Integer>();
        counts.keySet().forEach(key -> result.put(key, 0));
        if (total == 0) {
            result.put(fallback, 100);
            return result;
        }
        record Remainder(String key, long remainder) {}
        var remainders = new ArrayList<Remainder>();
        int assigned = 0;
        for (var entry : counts.entrySet()) {
            long scaled = entry.getValue() * 100L;
            int whole = (int) (scaled / total);
            result.put(entry.getKey(), whole);
            assigned += whole;
            remainders.add(new Remainder(entry.getKey(), scaled % total));
        }
        List<Remainder> order = new ArrayList<>(remainders);
        order.sort(Comparator.comparingLong(Remainder::remainder).reversed());
        for (int i = 0; i < 100 - assigned; i++) {
            var key = order.get(i % order.size()).key();
            result.merge(key, 1, Integer::sum);
        }
        return result;
    }

    /** Stable and candidate at the split's weights; every other live revision at zero. */
    static Map<String, Integer> byWeight(TrafficSplit split) {
        var result = new LinkedHashMap<String, Integer>();
        for (var revision : split.liveRevisions()) {
            result.put(revision, 0);
        }
        result.put(split.stableRevision(), split.stableWeight());
        if (split.hasCandidate()) {
            result.put(split.candidateRevision(), split.candidateWeight());
        }
        return result;
    }
}
