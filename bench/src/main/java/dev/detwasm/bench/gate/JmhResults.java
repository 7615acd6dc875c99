package dev.detwasm.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the scores out of JMH's JSON result file ({@code -rf json}). */
public final class JmhResults {
    private static final String PACKAGE = "dev.detwasm.bench.";

    private JmhResults() {}

    public static List<Score> read(Path json) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            String name = result.get("benchmark").asText();
            StringBuilder id = new StringBuilder(
                    name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name);
            Map<String, String> params = new TreeMap<>();
            JsonNode p = result.get("params");
            if (p != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    var e = it.next();
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            params.forEach((k, v) -> id.append(' ').append(k).append('=').append(v));
            JsonNode metric = result.get("primaryMetric");
            String unit = metric.get("scoreUnit").asText();
            JsonNode cpu = result.path("secondaryMetrics").path(CpuTimeProfiler.METRIC);
            if (cpu.isMissingNode()) {
                throw new IllegalArgumentException(json + " has no CPU time for " + id
                        + ": run JMH with -prof " + CpuTimeProfiler.class.getName());
            }
            scores.add(new Score(id.toString(), best(metric, unit), unit, best(cpu, "ns/op") * 1e-9));
        }
        return scores;
    }

    /**
     * The best measured iteration, not JMH's mean: on a shared machine an iteration during
     * which the benchmark was starved of CPU can be many times slower than the others, and one
     * of those would move the mean past any tolerance; the best iteration is what the code can
     * do, which is what a regression changes.
     */
    private static double best(JsonNode metric, String unit) {
        double best = metric.get("score").asDouble();
        boolean found = false;
        JsonNode forks = metric.get("rawData");
        if (forks != null) {
            for (JsonNode fork : forks) {
                for (JsonNode iteration : fork) {
                    double v = iteration.asDouble();
                    if (!found || secondsPerOperation(v, unit) < secondsPerOperation(best, unit)) {
                        best = v;
                        found = true;
                    }
                }
            }
        }
        return best;
    }

    static double secondsPerOperation(double score, String unit) {
        return switch (unit) {
            case "s/op" -> score;
            case "ms/op" -> score * 1e-3;
            case "us/op" -> score * 1e-6;
            case "ns/op" -> score * 1e-9;
            case "ops/s" -> 1 / score;
            case "ops/ms" -> 1 / (score * 1e3);
            case "ops/us" -> 1 / (score * 1e6);
            case "ops/ns" -> 1 / (score * 1e9);
            default -> throw new IllegalArgumentException("unknown JMH unit " + unit);
        };
    }
}
