package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check --shard K/3} in three processes of their own, then {@code merge}: the merged JSON
 * report is the one a single process writes, byte for byte apart from timing, and merge exits
 * as that check does (issue 16). For dfs, random and the default portfolio (whose tree here is
 * covered before its budget, so the merge must stop where one process stops), under both
 * engines, and on a threaded C program with preemptions (random also with access points, whose
 * walks depend on the lengths of the first 129 runs).
 */
class ShardTest {
    private static final int SHARDS = 3;

    @TempDir Path dir;

    static Stream<Arguments> checks() throws Exception {
        String selects = Path.of(ShardTest.class.getResource("selects.wat").toURI()).toString();
        String counter = Path.of("../testdata/c/counter_debug.wasm").toAbsolutePath().toString();
        List<Arguments> cases = new ArrayList<>();
        for (String engine : List.of("aot", "interpreter")) {
            cases.add(Arguments.of("dfs", engine, List.of("--strategy", "dfs"), selects));
            cases.add(Arguments.of(
                    "random", engine, List.of("--strategy", "random", "--max-runs", "40"),
                    selects));
            cases.add(Arguments.of("default", engine, List.of("--max-runs", "500"), selects));
        }
        cases.add(Arguments.of("dfs", "aot", List.of("--strategy", "dfs", "--decisions",
                "schedule", "--preemption-bound", "1"), counter));
        cases.add(Arguments.of("default", "aot", List.of("--max-runs", "60"), counter));
        cases.add(Arguments.of("random", "aot", List.of("--strategy", "random", "--preempt-at",
                "memory", "--max-runs", "150"), counter));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {3}")
    @MethodSource("checks")
    void threeShardProcessesMergeIntoTheReportOfOneProcess(
            String strategy, String engine, List<String> flags, String module) throws Exception {
        Path whole = dir.resolve("whole.json");
        CliRun one = CliRun.of(args(engine, flags, List.of("--report", whole.toString()), module));
        assertTrue(one.exitCode() == 0 || one.exitCode() == 73, one.stderr());

        List<Process> processes = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (int k = 1; k <= SHARDS; k++) {
            Path report = dir.resolve("shard" + k + ".json");
            reports.add(0, report.toString());
            processes.add(DetwasmProcess.start("512m", java.lang.ProcessBuilder.Redirect.DISCARD,
                    dir.resolve("err" + k), args(engine, flags,
                            List.of("--shard", k + "/" + SHARDS, "--report", report.toString()),
                            module)));
        }
        for (int k = 1; k <= SHARDS; k++) {
            Process p = processes.get(k - 1);
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "shard " + k + " did not end");
            String err = Files.readString(dir.resolve("err" + k));
            assertTrue(p.exitValue() == 0 || p.exitValue() == 73, "shard " + k + ": " + err);
            assertEquals("", err, "shard " + k);
        }

        Path merged = dir.resolve("merged.json");
        List<String> merge = new ArrayList<>(List.of("merge", "--report", merged.toString()));
        merge.addAll(reports);
        CliRun combined = CliRun.of(merge.toArray(String[]::new));
        assertEquals(one.exitCode(), combined.exitCode(), combined.stderr());
        assertEquals(withoutTiming(Files.readString(whole)),
                withoutTiming(Files.readString(merged)));
        assertEquals(lastLine(one.stdout()), lastLine(combined.stdout()));

        String first = Files.readString(merged);
        CliRun.of(merge.toArray(String[]::new));
        assertEquals(first, Files.readString(merged), "merged twice");
    }

    private static String[] args(
            String engine, List<String> flags, List<String> more, String module) {
        List<String> args = new ArrayList<>(List.of("check", "--engine", engine));
        args.addAll(flags);
        args.addAll(more);
        args.add(module);
        return args.toArray(String[]::new);
    }

    private static String withoutTiming(String json) {
        return json.replaceAll("(?s)\"timing\" : \\{.*?\\}", "");
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }
}
