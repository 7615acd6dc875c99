package dev.detwasm.modelcheck;

import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.decide.ReplayTrace;
import dev.detwasm.host.explain.ExplainedRun;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.DecisionKind;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a failing run into what a person reads: minimizes it ({@link Minimizer}), then replays
 * the minimized run with its steps recorded ({@link Runner#explain}). Costs at most the budget's
 * replays plus one, per failing run; the exploration itself records nothing.
 */
public final class FindingExplainer {
    private final Runner runner;

    @Inject
    public FindingExplainer(Runner runner) {
        this.runner = runner;
    }

    public ExplainedFinding explain(
            Program program,
            RunConfig config,
            ReproductionCommand reproduction,
            FailingRun failure,
            Set<DecisionKind> kinds,
            MinimizeBudget budget)
            throws LoadException {
        Minimized minimized =
                new Minimizer(runner, program, config, kinds)
                        .minimize(failure.trace(), failure.termination(), budget);
        RunConfig replay = config.toBuilder().trace(minimized.trace()).traceWasi(false).build();
        ExplainedRun explained =
                runner.explain(
                        program,
                        replay,
                        GuestOutput.captured(),
                        new PrintStream(OutputStream.nullOutputStream()),
                        new ReplayTrace(minimized.trace(), new FifoPolicy()));
        RunResult run = explained.result();
        FailingRun shown =
                new FailingRun(
                        failure.run(),
                        failure.occurrences(),
                        run.termination(),
                        minimized.trace(),
                        reproduction.forTrace(minimized.trace()),
                        run.stdout(),
                        run.stderr());
        return new ExplainedFinding(failure, shown, minimized, explained.explanation());
    }

    /** The failing runs a text report shows in full, explained, in the report's order. */
    public List<ExplainedFinding> explainShown(
            Program program,
            RunConfig config,
            ReproductionCommand reproduction,
            CheckReport report,
            MinimizeBudget budget)
            throws LoadException {
        List<FailingRun> failures = report.failures();
        List<ExplainedFinding> result = new ArrayList<>();
        for (FailingRun failure :
                failures.subList(0, Math.min(failures.size(), TextReport.MAX_FAILURES_SHOWN))) {
            result.add(explain(
                    program, config, reproduction, failure, report.settings().decisions(), budget));
        }
        return result;
    }
}
