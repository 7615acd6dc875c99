package dev.detwasm.bench.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each benchmark's ratios to the reference over one or more runs: in every run, the
 * benchmark's CPU time per operation divided by the reference's in the same run.
 */
public record Spread(Map<String, List<Double>> ratios) {

    public static Spread of(List<List<Score>> runs, String reference) {
        Map<String, List<Double>> ratios = new TreeMap<>();
        for (List<Score> run : runs) {
            ratiosOf(run, reference).forEach((id, ratio) ->
                    ratios.computeIfAbsent(id, k -> new ArrayList<>()).add(ratio));
        }
        return new Spread(ratios);
    }

    /** The ratios of one run's scores to its reference's. */
    public static Map<String, Double> ratiosOf(List<Score> run, String reference) {
        double yardstick = run.stream()
                .filter(s -> s.id().equals(reference))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the run has no result for the reference benchmark " + reference))
                .cpuSeconds();
        Map<String, Double> ratios = new TreeMap<>();
        for (Score s : run) {
            if (!s.id().equals(reference)) {
                ratios.put(s.id(), s.cpuSeconds() / yardstick);
            }
        }
        return ratios;
    }

    public Map<String, Double> medians() {
        Map<String, Double> medians = new TreeMap<>();
        ratios.forEach((id, r) -> medians.put(id, median(r)));
        return medians;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Largest over smallest. */
    static double range(List<Double> values) {
        return Collections.max(values) / Collections.min(values);
    }
}
