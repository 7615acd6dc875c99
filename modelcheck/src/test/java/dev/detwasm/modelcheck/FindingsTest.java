package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Failing runs are grouped by signature and shown by their simplest run. */
class FindingsTest {
    private final ReproductionCommand reproduction =
            new ReproductionCommand("p.wasm", RunConfig.builder().build(), null);

    private static ExploredRun run(long index, Termination end, List<Integer> trace,
            int preemptions, String origin, String location) {
        RunOutcome outcome = new RunOutcome(end, new byte[0], new byte[0], trace,
                trace.stream().map(c -> DecisionKind.SELECT).toList(), List.of(),
                location);
        return new ExploredRun(index, outcome, List.of(), false, false, preemptions, origin);
    }

    private CheckReport report(List<ExploredRun> runs) {
        Findings findings = new Findings(reproduction);
        runs.forEach(findings);
        return findings.report("p.wasm", CheckSettings.builder().build(),
                new Exploration(runs.size(), Set.of(), 0, Duration.ZERO, false));
    }

    @Test
    void runsWithTheSameSignatureAreOneFailureShownByTheSimplest() {
        Termination deadlock = Termination.deadlock("t0 waits on 0x10, t1 waits on 0x20");
        CheckReport report = report(List.of(
                run(0, Termination.exit(0, 0), List.of(0, 0, 0), 0, "dfs", ""),
                run(1, deadlock, List.of(1, 0, 1, 0), 2, "random", ""),
                run(2, deadlock, List.of(0, 1, 0, 0, 0), 1, "pct depth 3", ""),
                run(3, deadlock, List.of(0, 0, 1, 0), 1, "dfs", ""),
                run(4, Termination.deadlock("t0 waits on 0x20, t1 waits on 0x10"),
                        List.of(0, 1), 1, "dfs", "")));
        assertEquals(4, report.failingRuns());
        assertEquals(2, report.failures().size());
        FailingRun grouped = report.failures().get(0);
        assertEquals(3, grouped.occurrences());
        assertEquals(1, grouped.firstRun());
        assertEquals("random", grouped.foundBy());
        assertEquals(3, grouped.run(), "fewest preemptions, then fewest decisions");
        assertEquals(List.of(0, 0, 1, 0), grouped.trace());
        assertEquals("detwasm run --trace 0,0,1,0 p.wasm", grouped.command());
        assertEquals(1, report.failures().get(1).occurrences());
    }

    @Test
    void onATieTheSmallerTraceIsTheSimplestWhateverTheOrder() {
        Termination exit = Termination.exit(0, 1);
        ExploredRun a = run(0, exit, List.of(0, 1, 0), 1, "dfs", "");
        ExploredRun b = run(1, exit, List.of(1, 0, 0), 1, "dfs", "");
        assertEquals(List.of(0, 1, 0), report(List.of(a, b)).failures().get(0).trace());
        assertEquals(List.of(0, 1, 0), report(List.of(b, a)).failures().get(0).trace());
    }

    @Test
    void theThreadMessageAndLocationSeparateFailures() {
        CheckReport report = report(List.of(
                run(0, Termination.trap(1, "unreachable"), List.of(0), 0, "dfs", "f (function 3)"),
                run(1, Termination.trap(1, "unreachable"), List.of(1), 0, "dfs", "g (function 4)"),
                run(2, Termination.trap(2, "unreachable"), List.of(2), 0, "dfs", "f (function 3)"),
                run(3, Termination.trap(1, "out of bounds"), List.of(3), 0, "dfs",
                        "f (function 3)"),
                run(4, Termination.trap(1, "unreachable"), List.of(4), 0, "dfs",
                        "f (function 3)")));
        assertEquals(4, report.failures().size());
        assertEquals(2, report.failures().get(0).occurrences());
        assertEquals("trap in thread 1: unreachable (in f (function 3))",
                report.failures().get(0).description());
    }
}
