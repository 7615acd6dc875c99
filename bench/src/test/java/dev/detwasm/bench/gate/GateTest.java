package dev.detwasm.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The gate on real JMH runs of the reference and of one benchmark (the AOT Collatz run): a run
 * passes against the baseline made from it, and fails, naming the benchmark, once that
 * benchmark is deliberately slowed (its fork runs with the JIT off) while the reference is not.
 */
class GateTest {
    private static final String SLOWED = "ExecutionBenchmark.run engine=aot workload=collatz";

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
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(200))
                .jvmArgsAppend(jvmArgs)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        new Runner(options.build()).run();
        return json;
    }

    private Path merged(Path a, Path b) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = (ArrayNode) mapper.readTree(a.toFile());
        all.addAll((ArrayNode) mapper.readTree(b.toFile()));
        Path json = dir.resolve("merged.json");
        mapper.writeValue(json.toFile(), all);
        return json;
    }

    private int compare(Path result, Path baseline) {
        return Compare.run(new String[] {result.toString(), "--baseline", baseline.toString()});
    }

    @Test
    void passesOnItsBaselineAndFailsOnASlowedBenchmark() throws Exception {
        Path normal = jmh("normal", "ReferenceBenchmark|ExecutionBenchmark");
        List<Score> scores = JmhResults.read(normal);
        assertEquals(2, scores.size(), scores.toString());
        Path baseline = dir.resolve("baseline.json");
        Baseline.of(scores, Compare.REFERENCE, "test").write(baseline);
        assertEquals(List.of(SLOWED), List.copyOf(Baseline.read(baseline).ratios().keySet()));
        assertEquals(0, compare(normal, baseline));

        Path slowed = merged(
                jmh("reference", "ReferenceBenchmark"),
                jmh("slowed", "ExecutionBenchmark", "-Xint"));
        Gate.Verdict verdict = Gate.compare(
                JmhResults.read(slowed), Baseline.read(baseline), Compare.DEFAULT_TOLERANCE);
        assertEquals(List.of(SLOWED), verdict.regressions().stream().map(Gate.Row::id).toList());
        assertTrue(verdict.regressions().get(0).change() > Compare.DEFAULT_TOLERANCE);
        assertEquals(1, compare(slowed, baseline));
    }

    @Test
    void everyJmhUnitBecomesSecondsPerOperation() {
        assertEquals(2e-3, JmhResults.secondsPerOperation(2, "ms/op"), 1e-15);
        assertEquals(3e-6, JmhResults.secondsPerOperation(3, "us/op"), 1e-18);
        assertEquals(0.25, JmhResults.secondsPerOperation(4, "ops/s"), 1e-15);
        assertEquals(1e-3 / 5, JmhResults.secondsPerOperation(5, "ops/ms"), 1e-15);
    }
}
