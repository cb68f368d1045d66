package dev.gantry.operator.analysis;

import java.util.Map;

/**
 * One line of the Prometheus text format.
 *
 * @param name metric name, with the {@code _bucket}, {@code _count} or {@code _total} suffix as exposed
 * @param labels its labels
 * @param value its value
 */
public record Sample(String name, Map<String, String> labels, double value) {

    public Sample {
        labels = Map.copyOf(labels);
    }

    /** Name and labels: what identifies a series across two scrapes. */
    public String seriesKey() {
        return name + new java.util.TreeMap<>(labels);
    }

    public String label(String key) {
        return labels.get(key);
    }
}
