package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.scheduler.SchedulerModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shards of an exploration, merged, make the report one process writes, byte for byte apart
 * from timing: for every strategy, under run budgets that cut it or not, with and without a
 * preemption bound, over irregular trees (issue 16).
 */
class ShardMergeTest {
    private static final ReproductionCommand REPRODUCTION =
            new ReproductionCommand("p.wasm", RunConfig.builder().build(), null);

    private final ModelChecker checker =
            Guice.createInjector(new HostCoreModule(), new SchedulerModule(),
                    new ModelCheckModule()).getInstance(ModelChecker.class);

    static Stream<Arguments> explorations() {
        List<Arguments> cases = new ArrayList<>();
        for (String strategy : List.of("dfs", "bfs", "random", "pct", "portfolio")) {
            for (long maxRuns : List.of(10L, 37L, 3000L)) {
                for (long bound : List.of(1L, CheckSettings.UNLIMITED)) {
                    for (int shards : List.of(1, 3, 5)) {
                        for (long tree : List.of(1L, 2L)) {
                            cases.add(Arguments.of(strategy, maxRuns, bound, shards, tree));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, max-runs {1}, preemption-bound {2}, {3} shards, tree {4}")
    @MethodSource("explorations")
    void mergedShardsAreTheReportOfOneProcess(
            String strategy, long maxRuns, long bound, int shards, long tree) throws Exception {
        CheckSettings settings = CheckSettings.builder().strategy(strategy).maxRuns(maxRuns)
                .preemptionBound(bound).build();
        JsonReport json = new JsonReport();
        String whole = json.render(explore(settings, tree), 1);

        List<JsonNode> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = shards; k >= 1; k--) {
            CheckReport part = explore(
                    settings.toBuilder().shard(Optional.of(new Shard(k, shards))).build(), tree);
            parts.add(identified(json.toJson(part, 1)));
            names.add("shard" + k + ".json");
        }
        ShardMerge.Merged merged = ShardMerge.merge(parts, names);

        assertEquals(withoutTiming(whole), withoutTiming(merged.json()));
        assertEquals(merged.json(), ShardMerge.merge(parts, names).json(), "merged twice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void reportsOfOtherExplorationsAreRefusedWithOneLine(String what, String expected)
            throws Exception {
        CheckSettings settings = CheckSettings.builder().strategy("dfs").build();
        List<JsonNode> parts = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            parts.add(identified(new JsonReport().toJson(explore(
                    settings.toBuilder().shard(Optional.of(new Shard(k, 2))).build(), 1), 1)));
        }
        ObjectNode second = (ObjectNode) parts.get(1);
        switch (what) {
            case "module" -> ((ObjectNode) second.get("shard")).put("module_sha256", "ff");
            case "flags" -> ((ObjectNode) second.get("settings")).put("max_runs", 5);
            case "version" -> ((ObjectNode) second.get("shard")).put("detwasm", "0.0.1");
            case "missing" -> parts.remove(1);
            case "twice" -> parts.set(1, parts.get(0));
            default -> ((ObjectNode) second.get("shard")).remove("runs");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(parts, List.of("a.json", "b.json")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("module", "reports of different modules"),
                Arguments.of("flags", "reports of different flags: a.json has max_runs"),
                Arguments.of("version", "reports of different detwasm versions"),
                Arguments.of("missing", "shard 2/2 is missing"),
                Arguments.of("twice", "are both shard 1/2"),
                Arguments.of("malformed", "b.json is not a well-formed shard report"));
    }

    private CheckReport explore(CheckSettings settings, long tree) throws Exception {
        return checker.explore("p.wasm", SyntheticTree.irregular(tree), 7, settings,
                REPRODUCTION, ProgressListener.NONE);
    }

    /** What the command line adds to a shard's report. */
    private static JsonNode identified(ObjectNode root) {
        ObjectNode shard = (ObjectNode) root.get("shard");
        shard.put("detwasm", "test");
        shard.put("module_sha256", "00");
        shard.put("run", "detwasm run p.wasm");
        return root;
    }

    private static String withoutTiming(String json) {
        return json.replaceAll("(?s)\"timing\" : \\{.*?\\}", "");
    }
}
