package dev.detwasm.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed reference point of the gate ({@code bench/baseline.json}): for each benchmark,
 * its time per operation divided by the reference benchmark's, as measured in one run. Ratios,
 * not times, so that a baseline taken on one machine holds on another.
 */
public record Baseline(String reference, String measured, Map<String, Double> ratios) {

    /** The ratios of {@code scores} to the score of {@code reference} among them. */
    public static Baseline of(List<Score> scores, String reference, String measured) {
        double yardstick = find(scores, reference).seconds();
        Map<String, Double> ratios = new TreeMap<>();
        for (Score s : scores) {
            if (!s.id().equals(reference)) {
                ratios.put(s.id(), s.seconds() / yardstick);
            }
        }
        return new Baseline(reference, measured, ratios);
    }

    static Score find(List<Score> scores, String id) {
        return scores.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the run has no result for the reference benchmark " + id));
    }

    public static Baseline read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Double> ratios = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("ratios").fields();
                it.hasNext(); ) {
            var e = it.next();
            ratios.put(e.getKey(), e.getValue().asDouble());
        }
        return new Baseline(root.get("reference").asText(), root.get("measured").asText(), ratios);
    }

    public void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("reference", reference);
        root.put("measured", measured);
        ObjectNode r = root.putObject("ratios");
        ratios.forEach((id, ratio) -> r.put(id, Double.parseDouble(String.format("%.4g", ratio))));
        mapper.writeValue(file.toFile(), root);
    }
}
