package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expected reports of one checked module agree with each other, as the design says they
 * must whatever the strategy: dfs and bfs make the same set of runs (so the same counts,
 * outcomes, failures and simplest failing traces, which depend on the set of runs only); every
 * run random and pct make is one of those, so their outcomes and failures are dfs's, and when
 * they stop before their run limit they have made each of them. This cross-checks the expected
 * files that could not all be derived by hand (README.md, "Model-checking fixtures").
 */
class CheckStrategiesAgreeTest {
    private static final Path TESTDATA = Testdata.dir();

    /**
     * Each check group with its expected reports, by strategy; not the groups that stop on the
     * first failure, whose reports end where each strategy happened to find it.
     */
    static Stream<Arguments> modules() throws IOException {
        Map<String, Map<String, CheckSummary>> reports = new TreeMap<>();
        for (Fixture f : Manifest.load(TESTDATA)) {
            if (f.kind() == Fixture.Kind.CHECK && !f.flags().contains("--stop-on-first")) {
                String text = Files.readString(
                        TESTDATA.resolve(f.expectedOutput()), StandardCharsets.UTF_8);
                reports.computeIfAbsent(f.checkGroup(), m -> new TreeMap<>())
                        .put(f.strategy(), new CheckSummary(text, ""));
            }
        }
        return reports.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void strategiesAgree(String module, Map<String, CheckSummary> reports) {
        CheckSummary dfs = reports.get("dfs");
        CheckSummary bfs = reports.get("bfs");
        assertFalse(dfs.line("exploration: ").contains("max-runs"), "dfs must cover the bounded tree");
        long runs = dfs.runs();
        assertAll(
                () -> assertEquals(runs, dfs.distinctRuns(), "dfs makes each run once"),
                () -> assertEquals(dfs.line("runs: "), bfs.line("runs: ")),
                () -> assertEquals(dfs.line("exploration: "), bfs.line("exploration: ")),
                () -> assertEquals(outcomes(dfs), outcomes(bfs), "outcomes of dfs and bfs"),
                () -> assertEquals(failingTraces(dfs), failingTraces(bfs), "simplest failing traces of dfs and bfs"),
                // two failures may minimize to the same run: count the failures shown
                () -> assertEquals(
                        dfs.distinctFailures(), dfs.failures().size(), "dfs shows every failure"));
        for (String sampler : List.of("random", "pct")) {
            CheckSummary s = reports.get(sampler);
            long made = s.distinctRuns();
            boolean stoppedEarly = !s.line("exploration: ").contains("max-runs");
            assertAll(
                    () -> assertTrue(outcomes(dfs).keySet().containsAll(outcomes(s).keySet()),
                            sampler + " outcomes " + outcomes(s).keySet() + " are not all dfs's"),
                    () -> assertTrue(failures(dfs).containsAll(failures(s)),
                            sampler + " failures " + failures(s) + " are not all dfs's"),
                    () -> {
                        if (stoppedEarly) {
                            assertEquals(runs, made, sampler + " stopped once it had made every run");
                        } else {
                            assertTrue(made <= runs, sampler + " made " + made + " distinct runs of " + runs);
                        }
                    });
        }
    }

    /** Ending and stdout of each outcome, to its number of runs. */
    private static Map<String, Long> outcomes(CheckSummary report) {
        return report.outcomes().stream().collect(Collectors.toMap(
                o -> o.ending() + ", stdout " + o.stdout(), CheckSummary.Outcome::runs,
                Long::sum, TreeMap::new));
    }

    /** The description of each failure with its simplest trace. */
    private static Set<String> failingTraces(CheckSummary report) {
        return report.failures().stream().map(f -> f.description() + " " + f.trace())
                .collect(Collectors.toSet());
    }

    private static Set<String> failures(CheckSummary report) {
        return report.failures().stream().map(CheckSummary.Failure::description)
                .collect(Collectors.toSet());
    }
}
