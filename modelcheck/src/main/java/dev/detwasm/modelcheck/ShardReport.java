package dev.detwasm.modelcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detwasm.host.TraceText;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One shard's JSON report, as {@link ShardMerge} reads it: checked for the fields the merge
 * needs, with its ledger's runs parsed ({@link ShardLedger} writes them).
 */
record ShardReport(JsonNode json, JsonNode shard, String name, List<ShardReport.Run> runs) {
    /** Fields of the {@code shard} object that every shard of one exploration shares. */
    static final List<String> SHARED = List.of("detwasm", "module_sha256", "run");

    /** One owned run, as its ledger line gives it. */
    record Run(int leaf, long number, RunOutcome outcome, int preemptions, boolean cut,
            boolean pruned, long children, List<Integer> trace, List<Step> branches) {}

    /**
     * Reads {@code json}, named {@code name} in messages.
     *
     * @throws IllegalArgumentException with one line, when it is not a well-formed shard report
     */
    static ShardReport of(JsonNode json, String name) {
        if (json == null || !json.isObject() || !json.has("format")) {
            throw new IllegalArgumentException(name + " is not a detwasm check report");
        }
        if (json.get("format").asInt() != JsonReport.FORMAT_VERSION) {
            throw new IllegalArgumentException(name + " is a report of format "
                    + json.get("format") + "; this detwasm merges format "
                    + JsonReport.FORMAT_VERSION);
        }
        if (!json.has("shard")) {
            throw new IllegalArgumentException(name
                    + " is not a shard's report: make it with check --shard K/N --report");
        }
        try {
            for (String field : List.of("module", "failures", "bounded_by", "timing")) {
                Objects.requireNonNull(json.get(field), field);
            }
            JsonNode shard = Objects.requireNonNull(json.get("shard"));
            for (String field : List.of("index", "count", "leaves", "coverage", "failing")) {
                Objects.requireNonNull(shard.get(field), "shard." + field);
            }
            for (String field : SHARED) {
                Objects.requireNonNull(shard.get(field), "shard." + field);
            }
            ShardMerge.settings(json);
            return new ShardReport(json, shard, name, runs(shard));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not a well-formed shard report ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    boolean bounded(String bound) {
        for (JsonNode b : json.get("bounded_by")) {
            if (b.asText().equals(bound)) {
                return true;
            }
        }
        return false;
    }

    private static List<Run> runs(JsonNode shard) {
        List<RunOutcome> endings = new ArrayList<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (JsonNode e : shard.get("endings")) {
            Termination.Kind kind = null;
            for (Termination.Kind k : Termination.Kind.values()) {
                if (k.cliName().equals(e.get("kind").asText())) {
                    kind = k;
                }
            }
            endings.add(new RunOutcome(
                    new Termination(kind, e.get("exit_code").asInt(),
                            e.get("thread").asInt(), e.get("message").asText()),
                    base64.decode(e.get("stdout").asText()),
                    base64.decode(e.get("stderr").asText()), List.of(), List.of(), List.of(),
                    e.get("location").asText()));
        }
        List<String> sites = new ArrayList<>();
        shard.get("sites").forEach(s -> sites.add(s.asText()));
        List<Run> runs = new ArrayList<>();
        for (JsonNode line : shard.get("runs")) {
            String[] f = line.asText().split(" ");
            RunOutcome ending = endings.get(Integer.parseInt(f[2]));
            List<Integer> trace = f[6].equals("-") ? List.of() : TraceText.parse(f[6]);
            List<String> reached = new ArrayList<>();
            if (!f[8].equals("-")) {
                for (String id : f[8].split(",")) {
                    reached.add(sites.get(Integer.parseInt(id)));
                }
            }
            RunOutcome outcome = new RunOutcome(ending.termination(), ending.stdout(),
                    ending.stderr(), trace, List.of(), reached, ending.location());
            runs.add(new Run(Integer.parseInt(f[0]), Long.parseLong(f[1]), outcome,
                    Integer.parseInt(f[3]), f[4].contains("c"), f[4].contains("p"),
                    Long.parseLong(f[5]), trace, branches(f[7])));
        }
        return runs;
    }

    /** {@code OPTIONS.CHOICE,...} as steps, for {@link CoverageTree}. */
    private static List<Step> branches(String text) {
        List<Step> steps = new ArrayList<>();
        if (text.equals("-")) {
            return steps;
        }
        for (String b : text.split(",")) {
            int dot = b.indexOf('.');
            steps.add(new Step(steps.size(), DecisionKind.SCHEDULE,
                    new int[Integer.parseInt(b.substring(0, dot))],
                    Integer.parseInt(b.substring(dot + 1)), 0, false));
        }
        return steps;
    }
}
