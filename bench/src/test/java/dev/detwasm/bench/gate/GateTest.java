package dev.detwasm.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The gate on real JMH runs of the reference and of one benchmark (the AOT Collatz run), with
 * the short mode's iterations and {@code -Xbatch} but a fork each: a run passes against the
 * baseline made from it, and a run in which that benchmark's code is twice as slow (its fork
 * compiles with C1 only) while the reference is not fails, naming the benchmark, in the first
 * run and in a second one (the gate fails only on what both runs find slower).
 */
class GateTest {
    private static final String SLOWED = "ExecutionBenchmark.run engine=aot workload=collatz";
    /**
     * The bytecode interpreter only: the AOT Collatz run costs many times its CPU per operation.
     * C1 with light profiling ({@code -XX:TieredStopAtLevel=2}) only doubled it, and in CI a
     * confirmation run once measured that below the 1.5x tolerance.
     */
    private static final String MUCH_SLOWER = "-Xint";

    @TempDir Path dir;

    private Path jmh(String name, String include, String... jvmArgs) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path json = dir.resolve(name + ".json");
        var options = new OptionsBuilder()
                .include(include)
                .param("engine", "aot")
                .param("workload", "collatz")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(3)
                .measurementTime(TimeValue.milliseconds(300))
                .jvmArgsAppend(jvmArgs)
                .jvmArgsPrepend("-Xbatch")
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        new Runner(options.build()).run();
        return json;
    }

    private Path merged(String name, Path a, Path b) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = (ArrayNode) mapper.readTree(a.toFile());
        all.addAll((ArrayNode) mapper.readTree(b.toFile()));
        Path json = dir.resolve(name + ".json");
        mapper.writeValue(json.toFile(), all);
        return json;
    }

    @Test
    void passesOnItsBaselineAndFailsTwiceOnABenchmarkThatCostsManyTimesTheCpu() throws Exception {
        Path normal = jmh("normal", "ReferenceBenchmark|ExecutionBenchmark");
        List<Score> scores = JmhResults.read(normal);
        assertEquals(2, scores.size(), scores.toString());
        Path baseline = dir.resolve("baseline.json");
        Baseline.of(List.of(scores), Compare.REFERENCE, "test", Compare.DEFAULT_TOLERANCE).write(baseline);
        assertEquals(List.of(SLOWED), List.copyOf(Baseline.read(baseline).ratios().keySet()));
        assertEquals(0, Compare.run(new String[] {normal.toString(), "--baseline", baseline.toString()}));

        Path slowed = slowedRun("slowed");
        Gate.Verdict first = Gate.compare(
                List.of(JmhResults.read(slowed)), Baseline.read(baseline), Compare.DEFAULT_TOLERANCE);
        System.out.print(first.render());
        assertEquals(List.of(SLOWED), first.over().stream().map(Gate.Row::id).toList());
        Path again = slowedRun("again");
        Gate.Verdict confirmed = first.measuredAgain(
                Spread.ratiosOf(JmhResults.read(again), Compare.REFERENCE));
        System.out.print(confirmed.render());
        assertEquals(List.of(SLOWED), confirmed.regressions().stream().map(Gate.Row::id).toList());
        assertEquals(1, Compare.run(new String[] {
            slowed.toString(), "--baseline", baseline.toString(), "--again", again.toString()}));
    }

    /** The reference as usual and the benchmark interpreted ({@link #MUCH_SLOWER}), in one result. */
    private Path slowedRun(String name) throws Exception {
        return merged(name,
                jmh(name + "-reference", "ReferenceBenchmark"),
                jmh(name + "-benchmark", "ExecutionBenchmark", MUCH_SLOWER));
    }

    @Test
    void aNoisyBenchmarkIsReportedAndNotJudged() {
        Baseline baseline = new Baseline(
                Compare.REFERENCE, "test", Map.of("A.a", 1.0, "B.b", 1.0), Map.of("B.b", "ratios 2.00x apart"));
        List<Score> run = List.of(score(Compare.REFERENCE, 1), score("A.a", 1.2), score("B.b", 3));
        Gate.Verdict verdict = Gate.compare(List.of(run), baseline, Compare.DEFAULT_TOLERANCE);
        assertTrue(verdict.passed(), verdict.render());
        assertTrue(verdict.render().contains("noisy     B.b"), verdict.render());
        assertTrue(verdict.render().contains("1 benchmark(s) too noisy in this mode to judge"), verdict.render());
    }

    @Test
    void aBaselineOfSeveralRunsTakesTheMedianAndMarksARunPastTheToleranceOfIt() {
        List<List<Score>> runs = List.of(
                List.of(score(Compare.REFERENCE, 1), score("A.a", 2.0), score("B.b", 1)),
                List.of(score(Compare.REFERENCE, 2), score("A.a", 4.2), score("B.b", 4)),
                List.of(score(Compare.REFERENCE, 1), score("A.a", 2.1), score("B.b", 1.2)));
        Baseline baseline = Baseline.of(runs, Compare.REFERENCE, "test", Compare.DEFAULT_TOLERANCE);
        assertEquals(2.1, baseline.ratios().get("A.a"), 1e-9);
        assertEquals(1.2, baseline.ratios().get("B.b"), 1e-9);
        assertEquals(List.of("B.b"), List.copyOf(baseline.noisy().keySet()));
    }

    private static Score score(String id, double cpuSeconds) {
        return new Score(id, cpuSeconds, "s/op", cpuSeconds);
    }

    @Test
    void everyJmhUnitBecomesSecondsPerOperation() {
        assertEquals(2e-3, JmhResults.secondsPerOperation(2, "ms/op"), 1e-15);
        assertEquals(3e-6, JmhResults.secondsPerOperation(3, "us/op"), 1e-18);
        assertEquals(0.25, JmhResults.secondsPerOperation(4, "ops/s"), 1e-15);
        assertEquals(1e-3 / 5, JmhResults.secondsPerOperation(5, "ops/ms"), 1e-15);
    }
}
