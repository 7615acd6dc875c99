package dev.detwasm.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed reference point of the gate ({@code bench/baseline.json}): for each benchmark,
 * its CPU time per operation divided by the reference benchmark's, the median over the runs it
 * was made from. Ratios, not times, so that a baseline taken on one machine holds on a similar
 * one. {@code noisy} names the benchmarks whose slowest run was past the tolerance of that
 * median, with the figure: the gate reports them and does not judge them.
 */
public record Baseline(
        String reference, String measured, Map<String, Double> ratios, Map<String, String> noisy) {

    /**
     * The median ratios of several runs; a benchmark is marked noisy when its slowest run was
     * more than {@code tolerance} times the median: that run alone would have failed the gate.
     */
    public static Baseline of(List<List<Score>> runs, String reference, String measured, double tolerance) {
        Spread spread = Spread.of(runs, reference);
        Map<String, String> noisy = new TreeMap<>();
        spread.ratios().forEach((id, ratios) -> {
            double slowest = Collections.max(ratios) / Spread.median(ratios);
            if (slowest > tolerance) {
                noisy.put(id, String.format(Locale.ROOT,
                        "the slowest of %d runs was %.2fx their median, past the tolerance %.2fx",
                        ratios.size(), slowest, tolerance));
            }
        });
        return new Baseline(reference, measured, spread.medians(), noisy);
    }

    public static Baseline read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Double> ratios = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("ratios").fields(); it.hasNext(); ) {
            var e = it.next();
            ratios.put(e.getKey(), e.getValue().asDouble());
        }
        Map<String, String> noisy = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("noisy").fields(); it.hasNext(); ) {
            var e = it.next();
            noisy.put(e.getKey(), e.getValue().asText());
        }
        return new Baseline(root.get("reference").asText(), root.get("measured").asText(), ratios, noisy);
    }

    public void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("reference", reference);
        root.put("measured", measured);
        ObjectNode r = root.putObject("ratios");
        ratios.forEach((id, ratio) -> r.put(id, Double.parseDouble(String.format(Locale.ROOT, "%.4g", ratio))));
        ObjectNode n = root.putObject("noisy");
        noisy.forEach(n::put);
        mapper.writeValue(file.toFile(), root);
    }
}
